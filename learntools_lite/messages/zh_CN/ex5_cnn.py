"""练习 5 “卷积神经网络”的中文文本（learntools_lite/ex5_cnn/）。

键与英文目录（messages/en/ex5_cnn.py）一一对应，占位符相同。
"""

MESSAGES = {
    # ---- q_1：找出 conv_output_size 的错误 ----------------------------------------
    "ex5_cnn.q_1.mistake.no_plus_one":
        "`{name}` 的错误还在：它数的是相邻窗口起点之间的“步数”，而不是起点的个数。"
        "窗口恰好放得下时（n + 2p = k）输出是 1 个而不是 0 个，所以少数了一个起点。",
    "ex5_cnn.q_1.mistake.plus_one_inside":
        "`{name}` 在除以步幅之前就加了 1，这只在步幅为 1 时才对。"
        "以 n = 29、k = 3、s = 2、p = 0 为例：窗口起点是 0, 2, ..., 26，共 14 个，"
        "而 (29 - 3 + 1) // 2 只有 13。应当先除（数步数），再加上第一个窗口。",
    "ex5_cnn.q_1.mistake.one_side":
        "`{name}` 只在一侧做了填充：填充 p 会在**每一侧**各加 p 个像素，"
        "所以填充后的尺寸是 n + 2p，而不是 n + p。",
    "ex5_cnn.q_1.mistake.ceil":
        "`{name}` 做了向上取整（ceil）：会伸出边界之外的窗口是不用的，所以除法要向下取整。",
    "ex5_cnn.q_1.mistake.true_division":
        "`{name}` 用了真除法 `/`，当 s 不能整除 n + 2p - k 时会得到小数；请用整除 `//`。",
    "ex5_cnn.q_1.mistake.no_stride":
        "`{name}` 忽略了步幅：步幅为 s 时窗口每次跳 s 个像素，所以距离 n + 2p - k 要除以 s。",
    "ex5_cnn.q_1.hint.1":
        "把窗口可以开始的位置列出来：0, s, 2s, ……，只要窗口还放得下。这个列表里有几个数？"
        "试试 n = 5、k = 5、s = 1、p = 0：窗口恰好放得下一次。",
    "ex5_cnn.q_1.hint.2":
        "最后一个起点最多是 n + 2p - k。从 0 走到那里一共能走 (n + 2p - k) // s 整步；"
        "起点的个数比它们之间的步数多一个（数的是栏杆柱，不是栏杆之间的空档）。",
    "ex5_cnn.q_1.hint.3":
        "这个函数返回的是步数；只改那一行，让它返回 `number_of_steps ____`"
        "（位置 0 处的第一个窗口也是一个起点）。除法本身保持不变。",

    # ---- q_2a、q_2b：预测形状和参数个数 --------------------------------------------
    "ex5_cnn.q_2a.mistake.no_padding":
        "`{name}` 漏掉了 ZeroPadding2D(4) 层：卷积之前它把图像变成 4 + 30 + 4 = 38 个像素宽。",
    "ex5_cnn.q_2a.mistake.one_side":
        "`{name}` 只在一侧填充：ZeroPadding2D(4) 在每一侧各加 4 个零，所以 n + 2p = 38。",
    "ex5_cnn.q_2a.mistake.ceil":
        "`{name}` 向上取整了：会伸出填充后边界的 7 宽窗口是不用的，"
        "所以 (38 - 7) / 2 = 15.5 要向下取整。",
    "ex5_cnn.q_2a.mistake.no_plus_one":
        "`{name}` 数的是窗口起点之间的步数而不是起点个数：要把第一个窗口也算上"
        "（就是第 1 题的那个错误）。",
    "ex5_cnn.q_2a.mistake.no_stride":
        "`{name}` 忽略了 `strides=2`：窗口每次跳 2 个像素。",
    "ex5_cnn.q_2a.mistake.input_channels":
        "`{name}` 保留了 3 个输入通道；Conv2D 的输出通道数等于卷积核（滤波器）的个数。",
    "ex5_cnn.q_2a.mistake.channels_first":
        "`{name}` 把通道放在了最前面；Keras 是通道在后的布局：(高, 宽, 通道)。",
    "ex5_cnn.q_2a.mistake.batch_axis":
        "`{name}` 带上了批量轴（None）：只需给出 (高, 宽, 通道)。",
    "ex5_cnn.q_2a.hint.1":
        "先填充，再卷积：每个空间轴都用第 1 题的输出尺寸公式计算；"
        "Conv2D 有多少个卷积核，就输出多少个通道。",
    "ex5_cnn.q_2a.hint.2":
        "每个轴上：n = 30，p = 4，k = 7，s = 2。这里高和宽相同；通道轴是卷积核的个数 8。",
    "ex5_cnn.q_2a.hint.3":
        "`side = (30 + 2 * ____ - 7) // ____ + 1`，然后 "
        "`predicted_shape = (side, side, ____)`。",
    "ex5_cnn.q_2b.mistake.no_bias":
        "`{name}` 只数了权重：每个卷积核还有一个偏置。",
    "ex5_cnn.q_2b.mistake.no_input_channels":
        "`{name}` 把一个卷积核算成 k x k 个权重：每个卷积核都覆盖**全部** 3 个输入通道，"
        "所以它有 k x k x C_in 个权重。",
    "ex5_cnn.q_2b.mistake.bias_per_input_channel":
        "`{name}` 给每个卷积核的每个输入通道都配了一个偏置；一个卷积核只有一个偏置，"
        "每个输出值加一次。",
    "ex5_cnn.q_2b.mistake.padding_counted":
        "`{name}` 把卷积核算得和填充后的窗口一样大；填充给图像加的是零，不是权重："
        "卷积核仍然是 7 x 7。",
    "ex5_cnn.q_2b.hint.1":
        "填充和步幅改变的是卷积核放在哪里，而不是它有多少个权重。ZeroPadding2D 没有参数。",
    "ex5_cnn.q_2b.hint.2":
        "一个 Conv2D 有 C_out 个卷积核，每个有 k x k x C_in 个权重，外加每个卷积核一个偏置。",
    "ex5_cnn.q_2b.hint.3":
        "`predicted_params = (7 * 7 * ____ + ____) * 8`。",

    # ---- q_3：手算一个输出值 ----------------------------------------------------------
    "ex5_cnn.q_3.mistake.no_stride":
        "`{name}` 是步幅为 1 时位置 (1, 0) 的值；步幅为 2 时，输出的第 1 行读的是输入的第 2、3 行。",
    "ex5_cnn.q_3.mistake.one_channel":
        "`{name}` 只用了一个通道：卷积核覆盖两个输入通道，所以要把通道 0 **和**通道 1 的乘积都加起来。",
    "ex5_cnn.q_3.mistake.no_bias":
        "`{name}` 漏掉了偏置 b = 4。",
    "ex5_cnn.q_3.mistake.bias_per_channel":
        "`{name}` 每个输入通道各加了一次偏置；偏置是在对通道求和之后，每个输出值只加一次。",
    "ex5_cnn.q_3.mistake.flipped":
        "`{name}` 把卷积核翻转了（那是真正的卷积）；Conv2D 用 K[i, j] 乘以窗口左上角"
        "向下 i 行、向右 j 列的像素，不翻转。",
    "ex5_cnn.q_3.mistake.row_column":
        "`{name}` 是位置 (0, 1) 的值：第一个下标是行。输出 (1, 0) 是第二行、第一列。",
    "ex5_cnn.q_3.hint.1":
        "一个输出值就是输入的一个窗口与卷积核逐元素相乘，再对窗口的行、列**以及通道**求和，"
        "最后加上该输出通道的偏置。",
    "ex5_cnn.q_3.hint.2":
        "步幅为 2 时，输出 (1, 0) 读的是每个通道第 2-3 行、第 0-1 列的 2 x 2 窗口。"
        "把它与该通道的卷积核逐元素相乘，8 个乘积相加，再加上 b。",
    "ex5_cnn.q_3.hint.3":
        "`y_10 = (2*1 + 1*(-1) + 1*2 + 2*0) + (____) + (____)`：第一个括号是通道 0，"
        "第二个是通道 1，第三个是偏置。",

    # ---- q_4：找出 conv2d_forward 的错误 -------------------------------------------
    "ex5_cnn.q_4.mistake.flipped":
        "`{name}` 仍然在两个空间轴上翻转了卷积核：那是真正的卷积。Keras 的 Conv2D"
        "（以及本题）计算的是互相关：X[h*s + i, w*s + j] * K[i, j] 之和，不翻转。",
    "ex5_cnn.q_4.mistake.flip_rows_only":
        "`{name}` 仍然翻转了卷积核的行（轴 0）；互相关在两个空间轴上都按原样使用 K。",
    "ex5_cnn.q_4.mistake.flip_columns_only":
        "`{name}` 仍然翻转了卷积核的列（轴 1）；互相关在两个空间轴上都按原样使用 K。",
    "ex5_cnn.q_4.mistake.flip_every_axis":
        "`{name}` 把 K 的每个轴都翻转了，连通道轴也翻了（`np.flip` 没有指定 `axis`）："
        "输入通道 c 现在碰到的是另一个通道的权重。请按原样使用 K。",
    "ex5_cnn.q_4.mistake.transposed":
        "`{name}` 交换了卷积核的高和宽两个轴（K 被转置了）。转置并不能抵消翻转："
        "K[i, j] 乘的是向下 i 行、向右 j 列的像素。",
    "ex5_cnn.q_4.mistake.bias_per_input_channel":
        "`{name}` 每个输入通道加一次偏置（b * C_in）：b[d] 应当在对输入通道求和之后，"
        "每个输出值只加一次。",
    "ex5_cnn.q_4.mistake.no_bias":
        "`{name}` 漏掉了偏置 b。",
    "ex5_cnn.q_4.mistake.one_side":
        "`{name}` 只在图像的一侧填充：填充 p 要在每个空间轴的前**和**后各加 p 个零。",
    "ex5_cnn.q_4.mistake.no_stride":
        "`{name}` 忽略了步幅：窗口每次移动 `stride` 个像素，所以输出 (h, w) 从输入的 "
        "(h * stride, w * stride) 处开始读。",
    "ex5_cnn.q_4.hint.1":
        "第 5 章第 2 节：真正的卷积是倒着遍历卷积核的，等价于用翻转后的卷积核做互相关。"
        "Keras 的 Conv2D 不翻转。函数里哪一行在倒着遍历卷积核？",
    "ex5_cnn.q_4.hint.2":
        "填充、输出尺寸和窗口都是对的：`window` 的形状是 (N, kh, kw, C_in)，"
        "`np.tensordot(..., axes=3)` 把它与形状为 (kh, kw, C_in, C_out) 的卷积核求和，"
        "得到 (N, C_out)。错的只是作为卷积核传进去的那个东西。",
    "ex5_cnn.q_4.hint.3":
        "在给 `Y[:, h, w, :]` 赋值的那一行里，把翻转后的卷积核换成 ____"
        "（也就是传进来时原样的卷积核），`+ b` 保持不变。",

    # ---- q_5：平均池化的反向传播 -------------------------------------------------------
    "ex5_cnn.q_5.mistake.not_shared":
        "`{name}` 把每个输出的整个梯度复制给了窗口里的每个像素；每个像素在平均值里只占 "
        "1 / size**2，所以只应分到这么多。",
    "ex5_cnn.q_5.mistake.divided_by_size":
        "`{name}` 除以的是 `size`；一个窗口有 size * size 个像素，所以每个像素分到梯度的 1 / size**2。",
    "ex5_cnn.q_5.mistake.overwrites":
        "`{name}` 在窗口重叠的地方做了覆盖（用了 `=` 而不是 `+=`）：落在两个窗口里的像素"
        "影响了两个输出，它的梯度是两份之**和**。",
    "ex5_cnn.q_5.mistake.routed_like_max":
        "`{name}` 像最大池化那样把每个输出的梯度只送给窗口里的一个像素；"
        "平均池化要把它平分给窗口里的所有像素。",
    "ex5_cnn.q_5.hint.1":
        "每个输出是 size * size 个输入的平均值，所以对窗口内的每个输入 dY/dX = 1 / size**2，"
        "窗口外为 0。窗口重叠时（stride < size），一个像素会从它所在的每个窗口各分到一份：这些份额要相加。"
        "不属于任何窗口的像素（在边缘被裁掉的）梯度为 0。",
    "ex5_cnn.q_5.hint.2":
        "从形状为 `input_shape` 的全零数组开始。对每个输出位置 (h, w)，窗口覆盖第 h*stride "
        "到 h*stride + size - 1 行，列也一样；给它们全部加上 `output_error[:, h, w, :] / size**2`"
        "（只要把两个空间轴保留为长度为 1 的轴，它就会在窗口上广播）。",
    "ex5_cnn.q_5.hint.3":
        "```\n"
        "dX = np.zeros(input_shape)\n"
        "H_out, W_out = output_error.shape[1:3]\n"
        "for h in range(H_out):\n"
        "    for w in range(W_out):\n"
        "        top, left = h * stride, w * stride\n"
        "        dX[:, top:top + size, left:left + size, :] += ____\n"
        "return dX\n"
        "```\n"
        "空白处是输出 (h, w) 分给一个像素的那一份，形状为 (N, 1, 1, C)。",

    # ---- q_6：Conv2D 的反向传播 --------------------------------------------------------
    "ex5_cnn.q_6.mistake.db_times_c_out":
        "`{name}` 返回的 `db` 被放大了“输出通道数”倍：db 是在对输出通道的循环里累加的"
        "（每一轮都加上了**所有**通道的和）。b[d] 对通道 d 的每个输出值各加一次，"
        "所以 db[d] 是 output_error[..., d] 在批量和所有位置上的和。",
    "ex5_cnn.q_6.mistake.db_times_c_in":
        "`{name}` 返回的 `db` 被放大了“输入通道数”倍：db 是在对输入通道的循环里累加的。"
        "b[d] 在对输入通道求和之后每个输出值只加一次，所以 db[d] 是 output_error[..., d] 之和。",
    "ex5_cnn.q_6.mistake.db_batch_mean":
        "`{name}` 对 `db` 在批量上取了平均；误差把每个样本的贡献都加起来，所以在批量上也要求和。",
    "ex5_cnn.q_6.mistake.db_position_mean":
        "`{name}` 对 `db` 在输出位置上取了平均；偏置在**每个**位置都加了一次，"
        "所以所有位置的梯度要相加。",
    "ex5_cnn.q_6.mistake.db_mean":
        "`{name}` 对 `db` 在批量和输出位置上取了平均；偏置在每个样本的每个位置都加了一次，"
        "所以 db[d] 是 output_error[..., d] 的**和**。",
    "ex5_cnn.q_6.mistake.db_one_sample":
        "`{name}` 的 `db` 只取自第一张图像；要对整个批量求和。",
    "ex5_cnn.q_6.mistake.dK_batch_mean":
        "`{name}` 对 `dK` 在批量上取了平均；要把每个样本的贡献加起来。",
    "ex5_cnn.q_6.mistake.dK_channels_swapped":
        "`{name}` 返回的 `dK` 两个通道轴互换了，形状是 (kh, kw, C_out, C_in)："
        "dK 必须与 K 同形状 (kh, kw, C_in, C_out)。",
    "ex5_cnn.q_6.mistake.dK_flipped":
        "`{name}` 返回的 `dK` 旋转了 180 度（两个空间轴都反过来了）："
        "dK[i, j] 收集的是 K[i, j] 乘过的输入像素，即 X[n, h + i, w + j] 乘以 "
        "output_error[n, h, w]，所以它是 X 与 output_error 的互相关，什么都不用翻转。",
    "ex5_cnn.q_6.mistake.dX_unflipped":
        "`{name}` 计算 `dX` 时没有翻转卷积核：对输入的梯度是 output_error 与 K 的**全**卷积"
        "（写成互相关时，卷积核要旋转 180 度）。",
    "ex5_cnn.q_6.hint.1":
        "回到前向传播：Y[n, h, w, d] = 对 i, j, c 求和 X[n, h + i, w + j, c] * K[i, j, c, d] + b[d]。"
        "每个乘积把 output_error[n, h, w, d] * K[i, j, c, d] 送给 dX[n, h + i, w + j, c]，"
        "把 output_error[n, h, w, d] * X[n, h + i, w + j, c] 送给 dK[i, j, c, d]；"
        "b[d] 在每个 (n, h, w) 处都加了一次。",
    "ex5_cnn.q_6.hint.2":
        "形状：dX 同 X (N, H, W, C_in)，dK 同 K (kh, kw, C_in, C_out)，db 同 b (C_out,)。"
        "固定卷积核偏移 (i, j)：K[i, j]（形状 (C_in, C_out)）乘的是切片 "
        "X[:, i:i + H_out, j:j + W_out, :]；dK[i, j] 是这个切片与 output_error 之积在 n、h、w 上的和；"
        "dX 的同一切片得到 output_error 与 K[i, j] 之积在 d 上的和。db 对 output_error 除最后一轴外的所有轴求和。",
    "ex5_cnn.q_6.hint.3":
        "```\n"
        "kh, kw, c_in, c_out = K.shape\n"
        "H_out, W_out = output_error.shape[1:3]\n"
        "dX = np.zeros_like(X, dtype=float)\n"
        "dK = np.zeros_like(K, dtype=float)\n"
        "for i in range(kh):\n"
        "    for j in range(kw):\n"
        "        patch = X[:, i:i + H_out, j:j + W_out, :]   # K[i, j] 乘过的那一块\n"
        "        dK[i, j] = np.einsum(____, patch, output_error)\n"
        "        dX[:, i:i + H_out, j:j + W_out, :] += ____\n"
        "db = ____\n"
        "return dX, dK, db\n"
        "```",

    # ---- q_7：你自己的 CNN ------------------------------------------------------------
    "ex5_cnn.q_7.wrong_input":
        "`{name}` 接受的输入形状是 {shape}；本题要求输入形状为 (28, 28, 1) 的 MNIST 图像。",
    "ex5_cnn.q_7.predict_raised":
        "在保留的测试图像上调用 `{name}.predict` 时引发了 {error}。",
    "ex5_cnn.q_7.wrong_output":
        "`{name}` 对每张图像输出的形状是 {shape}；应当为每张图像输出 10 个分数（Dense(10)）。",
    "ex5_cnn.q_7.no_conv":
        "`{name}` 里没有 Conv2D 层：本题要求一个卷积神经网络"
        "（若干 Conv2D 和 MaxPooling2D 块，然后是 Flatten 和 Dense）。",
    "ex5_cnn.q_7.raw_pixels":
        "`{name}` 是在 0..255 的原始像素值上训练的：训练前请把图像乘以 1/255"
        "（检查程序输入的是 [0, 1] 范围内的图像）。",
    "ex5_cnn.q_7.untrained":
        "`{name}` 在保留图像上只分对了 {accuracy}，和瞎猜差不多：训练过了吗？"
        "请调用 `{name}.fit(...)`（整数标签用 sparse_categorical_crossentropy 损失）。",
    "ex5_cnn.q_7.too_low":
        "`{name}` 在 2,000 张保留的测试图像上分对了 {accuracy}；本题要求至少 {wanted}。"
        "可以用更多图像训练、多训练一个轮次，或者增加卷积核。",
    "ex5_cnn.q_7.correct":
        "在 2,000 张保留的 MNIST 测试图像上的准确率为 {accuracy}。",
    "ex5_cnn.q_7.hint.1":
        "一个小 CNN 就够了：一两个“Conv2D（ReLU）+ 2 x 2 MaxPooling2D”块，然后 Flatten，"
        "再接一个每类一个单元的 Dense 层。整数标签配 sparse_categorical_crossentropy 损失。",
    "ex5_cnn.q_7.hint.2":
        "形状：(28, 28, 1) -> Conv2D(16, 3) -> (26, 26, 16) -> 池化 -> (13, 13, 16) "
        "-> Conv2D(32, 3) -> (11, 11, 32) -> 池化 -> (5, 5, 32) -> Flatten -> 800 -> Dense(10)。"
        "用 optimizer='adam' 和 metrics=['accuracy'] 编译；在准备好的 20,000 张图像上训练两个轮次就够了。",
    "ex5_cnn.q_7.hint.3":
        "```\n"
        "model = keras.Sequential()\n"
        "model.add(keras.Input((28, 28, 1)))\n"
        "model.add(keras.layers.Conv2D(16, 3, activation='relu'))\n"
        "model.add(keras.layers.MaxPooling2D(2))\n"
        "model.add(____)   # 第二个块：32 个卷积核，再 2 x 2 池化（两次 add）\n"
        "model.add(keras.layers.Flatten())\n"
        "model.add(____)   # 每张图像 10 个分数\n"
        "model.compile(optimizer='adam', loss=____, metrics=['accuracy'])\n"
        "model.fit(X_train, y_train, epochs=____, batch_size=32, verbose=2)\n"
        "```",

    # ---- q_8：权重共享为什么泛化得更好 --------------------------------------------------
    "ex5_cnn.q_8.hint.1":
        "数一数每种层能拟合多少东西：展平图像上的 Dense 层对每一对（像素，单元）都有一个独立的权重，"
        "而 Conv2D 只有一个小卷积核，在每个位置重复使用。",
    "ex5_cnn.q_8.hint.2":
        "第 6 章：自由度多于数据所能约束的模型会把训练集背下来。一个在某处见过某个笔画的 Dense 层，"
        "对向右平移三个像素的同一笔画知道些什么？卷积又知道些什么？",
    "ex5_cnn.q_8.hint.3":
        "写两三句话：(1) 两者各有多少参数，这对过拟合意味着什么；(2) 卷积对图像做了什么假设"
        "（局部性、同一特征可以出现在任何位置），这个假设在哪里成立；(3) 举一个它可能帮倒忙的例子。",
    "ex5_cnn.q_8.discussion":
        "28 x 28 图像上的 Dense 层对每个像素和每个单元都有独立的权重：128 个单元就是 100,480 个参数，"
        "而且相邻像素、不同位置的权重之间没有任何约束。在 60,000 张训练图像上，它能拟合只属于个别图像的细节"
        "（第 6 章的过拟合：训练损失一直下降，验证损失却掉头上升）。16 个 3 x 3 卷积核的 Conv2D 不管图像多大，"
        "都只有 160 个参数。权重共享是把一个关于图像的、基本成立的强假设写进了网络结构（归纳偏置）："
        "特征是局部的，笔画之所以是笔画，与它出现在哪里无关。于是每张训练图像的每个位置都在为同一个卷积核"
        "提供训练样本，每个权重都由多得多的数据来估计，在一个地方学到的东西在所有地方都管用"
        "（平移等变性；池化再增加一点对小平移的不变性）。稠密网络则必须在每个位置都见过“7”才能认出那里的“7”。"
        "所以 CNN 拟合的偶然模式更少：训练与验证准确率之间的差距更小，效果类似权重衰减或暂退法（dropout），"
        "却不必牺牲模型容量。这个假设也可能不对：当位置本身有意义时（人脸上眼睛在嘴的上方，MNIST 数字总是居中），"
        "卷积网络需要靠深度、池化和最后的全连接层把位置信息找回来；而对没有空间结构的数据"
        "（比如一张红酒理化指标的表格），在各列之间共享权重根本说不通。",
}

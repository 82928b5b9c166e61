"""练习 1“张量”的中文消息（learntools_lite/ex1_tensors.py）。

提示分三级：先讲思路，再讲形状或步骤，最后给出仍留有 `____` 的代码骨架。
"""

MESSAGES = {
    # q_1：一个批量的图像
    "ex1_tensors.q_1.hint.1": "沿第一个轴（批量轴）切片就能选出图像。像素是 0 到 255 的整数，"
                              "而神经网络需要 0 到 1 之间的浮点数。",
    "ex1_tensors.q_1.hint.2": "`start:stop` 在 `stop` *之前*停下，所以前四张图像是一个形状为 "
                              "(4, 28, 28)、dtype 为 uint8 的切片。先把它转换成 `float32`，"
                              "再除以像素的最大值。",
    "ex1_tensors.q_1.hint.3": "`batch = train_images[____].astype(\"float32\") / ____`",
    "ex1_tensors.q_1.mistake.unscaled": "`{name}` 存的是原始像素值（0 到 255）：除以 255，"
                                        "让它们落在 [0, 1] 内。",
    "ex1_tensors.q_1.mistake.floor_division": "`{name}` 只在像素为 255 的地方是 1，其余都是 0："
                                              "`//` 是整数（向下取整）除法。请对浮点数用 `/`。",
    "ex1_tensors.q_1.mistake.last_four": "`{name}` 取的是最后四张图像；要取前四张。",
    # q_2：时间序列
    "ex1_tensors.q_2.hint.1": "数据张量总是以样本轴开头。对时间序列来说，接下来是时间，"
                              "最后是每个时间步的特征。",
    "ex1_tensors.q_2.hint.2": "一个样本是一天；一天是由分钟（时间步）组成的序列；"
                              "每分钟有三个数（特征）。",
    "ex1_tensors.q_2.hint.3": "`series_shape = (样本数, 时间步数, 特征数)`，每一项都是题目里的"
                              "数字：`(____, ____, ____)`。",
    "ex1_tensors.q_2.mistake.features_last": "特征放在最后一个轴上：(样本, 时间步, 特征)。",
    "ex1_tensors.q_2.mistake.samples_first": "第一个轴是样本轴（每天一个样本）："
                                             "(样本, 时间步, 特征)。",
    "ex1_tensors.q_2.mistake.no_timesteps": "时间序列是 3 阶张量：要保留时间步轴。",
    # q_3：预测切片的形状
    "ex1_tensors.q_3.hint.1": "每个轴分开来算：沿一个轴的切片 `start:stop:step` 保留从 `start` "
                              "开始、到 `stop` 为止（不含 `stop`）、每隔 `step` 个取一个的元素。",
    "ex1_tensors.q_3.hint.2": "轴 0 有 60000 个元素，轴 1 和轴 2 各有 28 个。负索引从末尾数起，"
                              "省略 start 或 stop 表示到轴的边缘。`len(range(start, stop, step))` "
                              "就是切片保留的个数。",
    "ex1_tensors.q_3.hint.3": "`predicted_shape = (164 - 100, ____, ____)`：`4:-4` 保留 "
                              "`range(4, 28 - 4)`，`::2` 保留 `range(0, 28, 2)`。",
    "ex1_tensors.q_3.mistake.stop_included": "在轴 0 上，`100:164` 在 164 之前停下：保留的是 "
                                             "164 - 100 张图像。",
    "ex1_tensors.q_3.mistake.negative_stop": "在轴 1 上，`4:-4` 去掉上面 4 行和下面 4 行："
                                             "`-4` 表示 28 - 4。",
    "ex1_tensors.q_3.mistake.step": "在轴 2 上，`::2` 从第 0 列开始，在全部 28 列中每隔一列取一列。",
    "ex1_tensors.q_3.mistake.rank": "切片不会去掉轴：`{name}` 应当每个轴一项，一共三项。",
    # q_4：W 按 (单元, 特征) 存放的全连接层
    "ex1_tensors.q_4.hint.1": "这一层计算的仍是本章的 relu(加权和 + 偏置)，只是 `W` 的存放方式不同。"
                              "在矩阵乘法里，`W` 的哪个轴要和 `X` 的特征轴对上？",
    "ex1_tensors.q_4.hint.2": "`X` 是 (样本, 特征)，`W` 是 (单元, 特征)。矩阵乘法要求 "
                              "(a, b) @ (b, c)，所以先把 `W` 变成 (特征, 单元)；再把形状为 "
                              "(单元,) 的 `b` 加到每一行上，最后逐元素地与 0 取最大值。",
    "ex1_tensors.q_4.hint.3": "`return np.maximum(X @ ____ + b, 0.0)`",
    "ex1_tensors.q_4.mistake.no_transpose": "`{name}` 直接乘了按原样存放的 `W`；`W` 是 "
                                            "(单元, 特征)：要用它的转置，让特征轴对上特征轴。",
    "ex1_tensors.q_4.mistake.no_bias": "`{name}` 漏了偏置：在激活之前加上 `b`。",
    "ex1_tensors.q_4.mistake.no_relu": "`{name}` 漏了 ReLU：最后要逐元素地与 0 取最大值。",
    "ex1_tensors.q_4.mistake.bias_after_relu": "`{name}` 在 ReLU 之后才加偏置；偏置应在里面："
                                               "relu(加权和 + b)。",
    # q_5a、q_5b：换一组尺寸的网络
    "ex1_tensors.q_5a.hint.1": "每个全连接层把 (样本, 输入数) 映射为 (样本, 单元数)；"
                               "样本轴原样穿过。",
    "ex1_tensors.q_5a.hint.2": "(32, 20) 进入第一层，出来是 (32, 该层的单元数)；"
                               "它再进入第二层。",
    "ex1_tensors.q_5a.hint.3": "`dense_output_shape = (32, ____)`：最后一层的单元数。",
    "ex1_tensors.q_5a.mistake.first_layer": "(32, 64) 是第一层的输出；第二层还要把它映射到"
                                            "自己的单元上。",
    "ex1_tensors.q_5a.mistake.no_batch": "样本（批量）轴穿过每一层：要把它保留在最前面。",
    "ex1_tensors.q_5a.mistake.transposed": "样本在前：(样本, 单元)，每个样本一行。",
    "ex1_tensors.q_5b.hint.1": "全连接层的每个（输入, 单元）对有一个权重，每个单元有一个偏置；"
                               "网络的参数就是各层参数之和。批量大小与参数个数无关。",
    "ex1_tensors.q_5b.hint.2": "第 1 层：`W1` 是 (20, 64)，`b1` 是 (64,)；第 2 层：`W2` 是 "
                               "(64, 3)，`b2` 是 (3,)。数一数每个数组里有多少个数。",
    "ex1_tensors.q_5b.hint.3": "`dense_params = (20 * 64 + ____) + (64 * 3 + ____)`",
    "ex1_tensors.q_5b.mistake.no_biases": "`{name}` 只数了权重矩阵：每个单元还有一个偏置。",
    "ex1_tensors.q_5b.mistake.first_layer": "`{name}` 只是第一层的参数个数；还要加上第二层的"
                                            "权重和偏置。",
    "ex1_tensors.q_5b.mistake.last_layer": "`{name}` 只是第二层的参数个数；还要加上第一层的"
                                           "权重和偏置。",
    "ex1_tensors.q_5b.mistake.batch": "`{name}` 随批量大小而变，但每个样本用的是同一组权重："
                                      "只数一次。",
    # q_6：视频
    "ex1_tensors.q_6.hint.1": "视频是一帧帧画面组成的序列，每一帧都是一张彩色图像。",
    "ex1_tensors.q_6.hint.2": "从一批彩色图像 (样本, 高, 宽, 通道) 出发，再为时间加一个轴。",
    "ex1_tensors.q_6.hint.3": "样本轴仍在最前，通道仍在最后（通道在后）；帧轴紧跟在样本轴之后。",
    "ex1_tensors.q_6.explain.a": "视频是帧的序列，每一帧是一张图像：(样本, 帧, 高, 宽, 通道)，"
                                 "一个 5 阶张量。",
    "ex1_tensors.q_6.explain.b": "这是一批图像：少了帧轴。",
    "ex1_tensors.q_6.explain.c": "批量（样本）轴在最前，然后才是帧。",
    "ex1_tensors.q_6.explain.d": "Keras 默认通道在后：(样本, 帧, 高, 宽, 通道)。",
    # q_7：找出 to_channels_last 的错误
    "ex1_tensors.q_7.hint.1": "`reshape` 保持数值的顺序，只是重新切分；把一个轴挪到别的位置则会"
                              "改变顺序。本章哪个运算能移动轴？",
    "ex1_tensors.q_7.hint.2": "`np.transpose(images, axes)`：`axes[k]` 是成为新轴 k 的那个*旧*轴。"
                              "旧轴：0 样本，1 通道，2 高，3 宽；新顺序：样本、高、宽、通道。",
    "ex1_tensors.q_7.hint.3": "`return np.transpose(images, (0, ____, ____, ____))`",
    "ex1_tensors.q_7.mistake.reshape": "`{name}` 形状对了，数值却被打乱了：`reshape` 保持数值的"
                                       "顺序，于是每个新像素取到的是来自不同通道、不同位置的数。"
                                       "应当移动通道轴。",
    "ex1_tensors.q_7.mistake.inverse_permutation": "`{name}` 用的是逆置换：`axes[k]` 指的是成为"
                                                   "新轴 k 的旧轴，所以新轴 1（高）是旧轴 2。",
    "ex1_tensors.q_7.mistake.height_width_swapped": "`{name}` 把通道移到了最后，却交换了高和宽："
                                                    "每张图像都被转置了。",
    "ex1_tensors.q_7.mistake.all_axes_reversed": "`{name}` 把所有轴都倒过来了，样本轴也不例外："
                                                 "要让轴 0 留在最前。",
    # q_8：用自己的话说几何解释
    "ex1_tensors.q_8.hint.1": "把每个样本看成一个点，把一个批量看成一团点云。矩阵对一个点做了什么？"
                              "给每个点加上同一个向量又做了什么？",
    "ex1_tensors.q_8.hint.2": "三步分开看：先 `X @ W`，再 `+ b`，最后 `relu`。哪几步会让直线仍是直线？",
    "ex1_tensors.q_8.hint.3": "最后一问：把两个没有激活函数的层写成一个式子："
                              "`(X @ W1 + b1) @ W2 + b2 = X @ ____ + ____`。",
    "ex1_tensors.q_8.discussion": (
        "`X @ W` 对每个样本施加同一个线性映射：它旋转、缩放、反射、错切整团点云，"
        "还可以改变它的维数（从特征数变为单元数）；原点不动，直线仍是直线。`+ b` "
        "把整团点云平移同一个向量。`relu` 则把空间折叠起来：每个负坐标都被压到 0 上，"
        "于是落在坐标轴两侧的点受到不同的对待，结果不再是输入的线性函数。没有 `relu`，"
        "两个全连接层就会合并成一个：`(X @ W1 + b1) @ W2 + b2 = X @ (W1 @ W2) + "
        "(b1 @ W2 + b2)`，仍然只是一个线性映射加一次平移，第二层带不来任何单层做不到的事。"
        "有了它，每一层都多一次折叠，层层堆叠便能一步步弯曲点云，直到各个类别被分开，"
        "就像一小步一小步地展开一个揉皱的纸团。"),
}

"""练习 4“反向传播”的中文文本（learntools_lite/ex4_backprop/）。

键与英文目录相同，占位符（`{name}` 等）也相同；代码、标识符和数字保持原样。
"""

MESSAGES = {
    # ---- q_1：预测形状 ----------------------------------------------------------------
    "ex4_backprop.q_1.not_dict":
        "`{name}` 应当是一个字典，键恰好是 {keys}，每个值是一个形状，例如 `(3, 2)`。",
    "ex4_backprop.q_1.not_shape":
        "`{name}[\"{entry}\"]` 应当是一个形状，即由整数组成的元组（例如 `(3, 2)`），"
        "但它是 {actual}。",
    "ex4_backprop.q_1.wrong.output_error":
        "`output_error` 的形状不是 {shape}。第一个全连接层收到的是 dE/dY1，即损失对它"
        "自己的输出 Y1 的梯度：每个样本、Y1 的每个值各有一项。",
    "ex4_backprop.q_1.wrong.dW":
        "`dW` 的形状不是 {shape}。每个权重各有一个偏导数，所以 dW 与第一层的 W 形状完全相同。",
    "ex4_backprop.q_1.wrong.db":
        "`db` 的形状不是 {shape}。第一层的每个单元有一个偏置，db 与 b 形状相同。",
    "ex4_backprop.q_1.wrong.dX":
        "`dX` 的形状不是 {shape}。dX = dE/dX 对该层输入 X 的每一项各有一项。",
    "ex4_backprop.q_1.mistake.network_output_error":
        "`output_error` = {shape} 是网络**输出**处误差的形状（每个样本 2 个值）。第一个"
        "全连接层收到的是它自己输出的误差，要先经过第二层和 ReLU 反向传回来。",
    "ex4_backprop.q_1.mistake.error_is_input":
        "`output_error` = {shape} 是该层输入 X 的形状；该层收到的误差与它的输出 Y1 形状相同。",
    "ex4_backprop.q_1.mistake.dW_transposed":
        "`dW` = {shape} 被转置了。梯度的形状与求导对象的形状相同：第一层的 W 把 5 个"
        "特征映射到 4 个单元。",
    "ex4_backprop.q_1.mistake.dW_second_layer":
        "`dW` = {shape} 是**第二层**权重的形状；题目问的是第一个全连接层。",
    "ex4_backprop.q_1.mistake.dW_per_sample":
        "`dW` = {shape} 每个样本占一行，但整个批量共用一个权重矩阵：各样本的贡献要加起来，"
        "所以 dW 与 W 形状相同。",
    "ex4_backprop.q_1.mistake.db_per_sample":
        "`db` = {shape} 把各样本分开了，但整个批量共用一个偏置向量：16 个样本的贡献要加起来，"
        "所以 db 与 b 形状相同。",
    "ex4_backprop.q_1.mistake.db_second_layer":
        "`db` = {shape} 是**第二层**偏置的形状；题目问的是第一个全连接层。",
    "ex4_backprop.q_1.mistake.dX_output_shape":
        "`dX` = {shape} 是该层**输出**的形状。dX = dE/dX 是该层传回给前一层的量，"
        "所以它与该层的输入 X 形状相同。",
    "ex4_backprop.q_1.mistake.dX_transposed":
        "`dX` = {shape} 被转置了：它与 X 形状相同，样本在前。",
    "ex4_backprop.q_1.hint.1":
        "每个梯度都与它的求导对象形状相同：dW 同 W，db 同 b，dX 同 X；一层收到的误差与该层的"
        "输出形状相同。",
    "ex4_backprop.q_1.hint.2":
        "先写出前向传播中各量的形状：X 是 (16, 5)；第一个全连接层的 W 是 (输入数, 单元数)，"
        "b 是 (单元数,)；它的输出 Y1 是 (样本数, 单元数)。ReLU 不改变形状。",
    "ex4_backprop.q_1.hint.3":
        "`predicted_shapes = {{\"output_error\": (16, ____), \"dW\": (____, ____), "
        "\"db\": (____,), \"dX\": (____, 5)}}`",

    # ---- q_2：全连接层的反向传播，找错 --------------------------------------------------
    "ex4_backprop.q_2.mistake.bias_one_sample":
        "`{name}` 只用**一个**样本求偏置的梯度，即 `output_error[0]`：形状 (units,) 是对的，"
        "但其他样本的误差都被丢掉了。偏置加在每个样本的输出上，所以它的梯度要把批量中"
        "**所有**样本的贡献加起来。",
    "ex4_backprop.q_2.mistake.bias_last_sample":
        "`{name}` 用**最后一个**样本求偏置的梯度，即 `output_error[-1]`：仍然只有一个样本。"
        "偏置作用于每个样本，所以它的梯度要把所有样本的贡献加起来。",
    "ex4_backprop.q_2.mistake.bias_per_sample":
        "`{name}` 直接把 `output_error` 当作 `db` 返回，每个样本一行：偏置的梯度要把各样本的"
        "贡献加起来，每个单元一个数，形状为 (units,)。",
    "ex4_backprop.q_2.mistake.bias_mean":
        "`{name}` 对偏置的梯度在批量上求了平均。这看似是修正，但损失的导数已经除以 n 了"
        "（与本章一致），再除一次会让 db 小 n 倍，而 dW 仍是求和：应当把各样本的贡献加起来。",
    "ex4_backprop.q_2.mistake.bias_wrong_axis":
        "`{name}` 沿单元（轴 1）对偏置的梯度求和，得到每个样本一个数。应当沿样本（轴 0）"
        "求和，每个单元留下一个数。",
    "ex4_backprop.q_2.mistake.bias_total":
        "`{name}` 把 `output_error` 的所有项加成一个数，于是所有单元得到相同的偏置梯度。"
        "每个单元的偏置只取它自己那一列之和。",
    "ex4_backprop.q_2.mistake.no_transpose_X":
        "`{name}` 把 `dW` 算成了 `X @ output_error`：X 需要转置，dW 才能与 W 一样是 "
        "(features, units)。",
    "ex4_backprop.q_2.mistake.no_transpose_W":
        "`{name}` 把 `dX` 算成了 `output_error @ W`：W 需要转置，dX 才能与 X 一样是 "
        "(samples, features)。",
    "ex4_backprop.q_2.mistake.sign":
        "`{name}` 返回的梯度符号反了。它们是损失的导数；负号属于更新步骤 `W -= lr * dW`。",
    "ex4_backprop.q_2.hint.1":
        "偏置 b 加在批量中**每个**样本的输出上，所以 b 的变化会通过每个样本影响损失。"
        "由链式法则，沿多条路径的贡献要相加。",
    "ex4_backprop.q_2.hint.2":
        "`output_error` 的形状是 (samples, units)，db 的形状必须是 (units,)：db[j] 是 "
        "output_error[i, j] 对所有样本 i 之和。函数中哪一行做的是别的事？",
    "ex4_backprop.q_2.hint.3":
        "把偏置那一行改成 `db = output_error.____(axis=____)`；dW 和 dX 两行是对的。",

    # ---- q_3：用缓存的输出计算 sigmoid 的反向传播 ----------------------------------------
    "ex4_backprop.q_3.mistake.sigmoid_of_output":
        "`{name}` 又对 `Y` 做了一次 sigmoid：`Y` 已经是该层的**输出** sigma(Z)。用输出来写，"
        "sigma'(Z) 根本不需要再算 sigmoid。",
    "ex4_backprop.q_3.mistake.no_output_error":
        "`{name}` 只返回了 sigma'(Z)：还要把它与从下一层传回的误差 `output_error` 逐元素相乘。",
    "ex4_backprop.q_3.mistake.tanh_derivative":
        "`{name}` 用了 `1 - Y ** 2`：那是用输出表示的 tanh 的导数。用输出表示的 sigmoid "
        "导数是另一个乘积。",
    "ex4_backprop.q_3.mistake.missing_factor":
        "`{name}` 只用了 sigma'(Z) = sigma(Z) (1 - sigma(Z)) 两个因子中的一个；有了 "
        "`Y` = sigma(Z)，两个因子都现成可用。",
    "ex4_backprop.q_3.mistake.output_itself":
        "`{name}` 把 `Y` 与自身相乘：sigma'(Z) 的第二个因子是 1 - sigma(Z)，不是 sigma(Z)。",
    "ex4_backprop.q_3.mistake.sign":
        "`{name}` 的符号反了：sigmoid 是增函数，所以 sigma'(Z) 为正。",
    "ex4_backprop.q_3.mistake.matrix_product":
        "`{name}` 用了矩阵乘法（`@`）：激活函数逐元素作用，所以它的反向传播是逐元素乘法 `*`。",
    "ex4_backprop.q_3.hint.1":
        "每个输出元素只依赖于同一位置的输入元素，所以 dE/dZ = dE/dY * sigma'(Z)，逐元素相乘。"
        "该层缓存的是输出 Y = sigma(Z) 而不是 Z：只用 sigma(Z) 写出 sigma'(Z)。",
    "ex4_backprop.q_3.hint.2":
        "sigma'(z) = sigma(z) (1 - sigma(z))。这里 `Y` 的每个元素就是 sigma(Z)，"
        "与 `output_error` 形状相同；不需要任何指数运算。",
    "ex4_backprop.q_3.hint.3":
        "`return output_error * ____`，空白处是用 `Y` 写出的 sigma'(Z)。",

    # ---- q_4：Huber 损失 ----------------------------------------------------------------
    "ex4_backprop.q_4.mistake.scalar":
        "`{name}` 返回了一个数：导数对每个预测值各有一项，与 `y_pred` 形状相同。",
    "ex4_backprop.q_4.mistake.no_mean":
        "`{name}` 没有除以 n：损失是对全部 n = `y_true.size` 项求**平均**，所以导数的每一项"
        "都带有因子 1/n。",
    "ex4_backprop.q_4.mistake.rows":
        "`{name}` 除以的是行数 `len(y_true)`；损失对每一项求平均，所以要除以 `y_true.size`。",
    "ex4_backprop.q_4.mistake.sign":
        "`{name}` 的符号反了：`y_pred` 远离 `y_true` 时损失增大，所以导数的符号与 "
        "y_pred - y_true 相同。",
    "ex4_backprop.q_4.mistake.no_clip":
        "`{name}` 把每个残差都当作小残差（二次的那一段）处理。|r| 超过 delta 后损失线性增长，"
        "斜率是 +-delta：正是这个上限让 Huber 损失对离群值稳健。",
    "ex4_backprop.q_4.mistake.lost_sign":
        "`{name}` 对大残差一律给出斜率 +delta，不管它的符号。在线性段上斜率是 delta 乘以"
        "残差的符号：预测远低于目标时是 -delta。",
    "ex4_backprop.q_4.mistake.delta_times_r":
        "`{name}` 在线性段上用了 delta * r。那里的损失是 delta * (|r| - delta / 2)，"
        "它的导数不随 r 增长：是 +-delta。",
    "ex4_backprop.q_4.mistake.pieces_swapped":
        "`{name}` 把两段弄反了：|r| <= delta（二次段）时斜率是 r，超过之后是 +-delta。",
    "ex4_backprop.q_4.hint.1":
        "记 r = y_pred - y_true，对每一项分段求它对预测值的导数：二次段 0.5 r**2 和线性段 "
        "delta (|r| - delta / 2)。别忘了最后对所有项求平均。",
    "ex4_backprop.q_4.hint.2":
        "|r| <= delta 时斜率是 r，超过之后是 delta * sign(r)：也就是把 r 限制在区间 "
        "[-delta, delta] 内。NumPy 用一次调用就能把数组的每一项限制在一个区间内。再除以 "
        "n = `y_true.size`。",
    "ex4_backprop.q_4.hint.3":
        "`r = y_pred - y_true`，然后 `return np.clip(r, ____, ____) / ____`",

    # ---- q_5：手算 ------------------------------------------------------------------------
    "ex4_backprop.q_5.wrong":
        "`{name}` 不对：第 {index} 项（也许还有别的项）与有限差分测得的斜率不同。沿链式法则"
        "一步步来：y_hat、dE/dy_hat、dE/dh，再经过 ReLU，最后到权重。",
    "ex4_backprop.q_5.mistake.no_relu_slope":
        "`{name}` 让误差原样穿过了 ReLU。第二个隐藏单元的输入是负的，ReLU 在那里的斜率为 0，"
        "这个样本不会给该单元的权重任何梯度：dW1 有一整列为 0。",
    "ex4_backprop.q_5.mistake.transposed":
        "`{name}` 被转置了：dW1 与 W1 形状相同，是 (输入数, 隐藏单元数)，第 [i, j] 项是"
        "输入 i 乘以隐藏单元 j 处的误差。",
    "ex4_backprop.q_5.mistake.sign":
        "`{name}` 的符号反了：E = 0.5 (y_hat - t)**2 时，dE/dy_hat 是 y_hat - t"
        "（预测减目标）。",
    "ex4_backprop.q_5.mistake.factor_two":
        "`{name}` 大了一倍：损失是 0.5 (y_hat - t)**2，其中的 0.5 与平方求导得到的 2 相抵消。",
    "ex4_backprop.q_5.mistake.delta_only":
        "`{name}` 每个隐藏单元只有一项：那是隐藏层输入处的误差 delta1。dW1 还要乘以输入："
        "每个权重一项，形状为 (2, 2)。",
    "ex4_backprop.q_5.mistake.dW2":
        "`{name}` 与 W2 形状相同：题目要的是**第一层**权重 W1 的梯度，形状为 (2, 2)。",
    "ex4_backprop.q_5.hint.1":
        "反向传播从损失一路回到 W1，把局部导数依次相乘：dE/dy_hat，然后是第二层（它的权重 W2），"
        "然后是 ReLU（它在每个隐藏输入处的斜率），最后是第一层的权重（输入 x）。",
    "ex4_backprop.q_5.hint.2":
        "前向：z1 = x W1 + b1，h = relu(z1)，y_hat = h W2 + b2。反向：g = y_hat - t（一个数），"
        "dE/dh = g W2^T（形状 (1, 2)），delta1 = dE/dh 逐元素乘以 relu'(z1)（z1 > 0 处为 1，"
        "否则为 0），dW1 = x^T delta1。",
    "ex4_backprop.q_5.hint.3":
        "`dW1_by_hand = np.array([[____, ____], [____, ____]])`：第 i 行是输入 x_i 乘以 "
        "delta1。先算出 z1：它有一项是负的。",

    # ---- q_6：梯度检验 --------------------------------------------------------------------
    "ex4_backprop.q_6.mistake.forward_differences":
        "`{name}` 用的是前向差分 (f(x + h) - f(x)) / h，误差是 h 阶的；中心差分 "
        "(f(x + h) - f(x - h)) / (2h) 精确到 h**2 阶，题目要求的是中心差分。",
    "ex4_backprop.q_6.mistake.no_two":
        "`{name}` 把 (f(x + h) - f(x - h)) 除以了 h：两个点相距 2h，所以要除以 2h。",
    "ex4_backprop.q_6.mistake.not_restored":
        "`{name}` 在扰动一项之后没有把它复原，于是后面各项是在偏移后的点上估计的："
        "每一项算完后都要恢复原值。",
    "ex4_backprop.q_6.mistake.absolute":
        "`{name}` 返回的是绝对误差 ||a - n||；要除以 ||a|| + ||n|| 才是相对误差。",
    "ex4_backprop.q_6.mistake.numeric_norm_only":
        "`{name}` 只除以了 ||n||（数值梯度的范数）；题目要的是 ||a - n|| / (||a|| + ||n||)，"
        "它介于 0 和 1 之间。",
    "ex4_backprop.q_6.hint.1":
        "数值梯度对 x 的每一项各有一项：只把这一项向上、向下各扰动 h，两次计算 f，取两点间的"
        "斜率。然后以相对误差的形式与 `analytic_grad` 比较。",
    "ex4_backprop.q_6.hint.2":
        "在 x 的浮点副本上操作，调用者的数组就不会改变。遍历任意形状数组的每个下标"
        "（`np.ndindex(x.shape)` 给出全部下标，或者在展平的视图 `x.reshape(-1)` 上操作）；"
        "对每个下标：记下原值，在 old + h 和 old - h 处各算一次 f，再恢复原值。范数用 "
        "`np.linalg.norm`。",
    "ex4_backprop.q_6.hint.3":
        "骨架（`x` 是浮点副本，`numeric = np.zeros_like(x)`）："
        "`for i in np.ndindex(x.shape):`，然后 `old = x[i]`；`x[i] = old + h`；"
        "`up = f(x)`；`x[i] = old - h`；`down = f(x)`；`x[i] = old`；"
        "`numeric[i] = ____`。循环结束后返回 `____`（||a|| + ||n|| 为 0 时返回 0.0）。",

    # ---- q_7：XOR -------------------------------------------------------------------------
    "ex4_backprop.q_7.no_predict":
        "`net` 没有 `predict` 方法：`net` 里应当存放训练好的 `Network`。",
    "ex4_backprop.q_7.predict_timeout":
        "`net.predict(X_xor)` 运行超过 {seconds:g} 秒，已被中止。",
    "ex4_backprop.q_7.predict_raised":
        "`net.predict(X_xor)` 抛出了 {error}。",
    "ex4_backprop.q_7.predict_shape":
        "`net.predict(X_xor)` 应当返回 4 个数，形状为 (4, 1)。",
    "ex4_backprop.q_7.diverged":
        "`net.predict(X_xor)` 含有 NaN 或无穷大：训练发散了。请用更小的 `lr`。",
    "ex4_backprop.q_7.final_loss_type":
        "`final_loss` 应当是一个数：`fit` 返回的损失历史中的最后一项。",
    "ex4_backprop.q_7.loss_too_high":
        "`net` 在 XOR 上的损失是 {loss}，`final_loss` 是 {final}；两者都必须低于 {max}。",
    "ex4_backprop.q_7.mistake.constant":
        "`{name}` 对四个输入给出（几乎）相同的输出：它什么也没学到。检查隐藏层之后是否有 "
        "`Tanh()`（没有它网络就是线性的，拟合不了 XOR），`fit` 的 `lr` 是否为正，以及第 2、3 题"
        "是否都正确：网络调用的是你的 `fc_backward` 和 `sigmoid_backward`。",
    "ex4_backprop.q_7.mistake.other_run":
        "`final_loss` 低于 0.01，但 `net` 并没有那么好地拟合 XOR：你是不是在设置 `final_loss` "
        "之后又训练了另一个网络？两者要来自同一次训练。",
    "ex4_backprop.q_7.mistake.not_last":
        "`net` 拟合了 XOR，但 `final_loss` 远高于它的损失：请用损失历史的**最后**一项。",
    "ex4_backprop.q_7.mistake.almost":
        "`{name}` 已经把四个点都分对了，但损失仍高于 0.01：多训练几个轮次（或用更大的 `lr`）。",
    "ex4_backprop.q_7.mistake.not_yet":
        "`{name}` 还没有拟合 XOR。训练更久、用更大的 `lr`，或换一个随机种子。如果损失几乎"
        "不下降，先确认第 2、3 题都正确：网络用的是你的函数。",
    "ex4_backprop.q_7.hint.1":
        "XOR 不是线性可分的：网络需要一个带非线性的隐藏层。两个输入，几个带 `Tanh()` 的"
        "隐藏单元，一个由你的 `Sigmoid()` 压缩到 (0, 1) 的输出。",
    "ex4_backprop.q_7.hint.2":
        "各层依次是：Dense(2 个输入, 3 个隐藏单元)、Tanh、Dense(3, 1)、Sigmoid。在 4 个点上做"
        "全批量梯度下降很便宜：一千个轮次用时远不到一秒；学习率在 0.5 到 2 之间都可以。",
    "ex4_backprop.q_7.hint.3":
        "`net = Network([Dense(2, ____, rng), Tanh(), Dense(____, 1, rng), ____])`；如果损失"
        "停滞不前，换一个 `rng` 的种子或训练更久。",

    # ---- q_8：诊断 ------------------------------------------------------------------------
    "ex4_backprop.q_8.option.a":
        "`mse_prime` 没有除以 n，所以梯度是对批量的求和：256 个样本时每一步大约大 256 倍。",
    "ex4_backprop.q_8.option.b":
        "`X.T @ output_error` 只对单个样本成立；批量需要对样本做循环。",
    "ex4_backprop.q_8.option.c": "批量大时 tanh 会饱和。",
    "ex4_backprop.q_8.option.d": "`db` 应当在批量上求平均而不是求和。",
    "ex4_backprop.q_8.explain.a":
        "没有 1/n，损失就是对样本的求和，它的梯度也是：步长随批量大小增长，对单个样本合适的"
        "学习率就会越过头。除以 n（取平均）让步长与批量大小无关。",
    "ex4_backprop.q_8.explain.b":
        "`X.T @ output_error` 已经对样本求和了：矩阵乘法做的正是这件事。不需要循环。",
    "ex4_backprop.q_8.explain.c":
        "是否饱和取决于 tanh 每个输入的大小，而不是批量中有多少样本。",
    "ex4_backprop.q_8.explain.d":
        "损失的导数已经除以 n 时，按列求和恰好就是平均损失的梯度。只对 db 求平均，dW 仍然和"
        "原来一样大。",
    "ex4_backprop.q_8.hint.1":
        "这几项中，哪一项会让梯度步长依赖于批量中的样本数？",
    "ex4_backprop.q_8.hint.2":
        "各层在批量上的求和（`X.T @ output_error`、误差的列和）每个样本加一项。是什么让这个"
        "总和不随批量大小增长？",
    "ex4_backprop.q_8.hint.3":
        "比较 2 * (y_pred - y_true) 与 2 * (y_pred - y_true) / n 在 1 个样本和 256 个样本的"
        "批量上求和的结果。",

    # ---- q_9：思考题 ----------------------------------------------------------------------
    "ex4_backprop.q_9.hint.1":
        "有限差分有两种误差：公式本身的误差（截断误差：割线与切线相差多少）和舍入误差"
        "（f 只用有限位数字计算，两个几乎相等的数相减会丢掉这些数字）。",
    "ex4_backprop.q_9.hint.2":
        "把 f(x + h) 和 f(x - h) 做泰勒展开：哪些项在中心差分中抵消了，而在前向差分中没有？"
        "舍入带来约 eps |f| / h 的误差，float64 的 eps 约为 1e-16，float32 约为 1e-7。",
    "ex4_backprop.q_9.hint.3":
        "把两种误差相加，中心差分为 c1 h**2 + eps / h，分别对 float64 和 float32 求使总和最小的 h。"
        "各自能达到多小的相对误差？它能把一个小错误与舍入区分开吗？",
    "ex4_backprop.q_9.discussion":
        "**截断误差。** 由泰勒公式，f(x + h) = f(x) + h f'(x) + h**2/2 f''(x) + "
        "h**3/6 f'''(x) + ……前向差分 (f(x + h) - f(x)) / h 保留了 h/2 f''(x) 这一项："
        "误差是 h 阶的。中心差分 (f(x + h) - f(x - h)) / (2h) 中偶数次项相互抵消，只剩 h**2 阶"
        "的误差（h**2/6 f'''(x)）。同样的 h，中心差分要准确得多；它每一项要算两次 f 而不是多算"
        "一次，对检验来说代价很小。**舍入误差。** f 的计算有相对精度 eps（float64 约 1.1e-16，"
        "float32 约 6e-8）。f(x + h) - f(x - h) 是两个几乎相等的数相减，它们约 eps |f| 的舍入"
        "误差再除以 2h：误差为 eps / h 量级，h 越小反而越**大**。所以 h = 1e-12 比 h = 1e-5 更糟。"
        "总误差 c1 h**2 + c2 eps / h 在 h ~ eps**(1/3) 附近最小：float64 约为 5e-6，此时估计的"
        "相对精度约为 eps**(2/3) ~ 1e-10。float32 的最佳 h 约为 4e-3，最好的相对误差约为 1e-5 到"
        "1e-4，并不比一个真实但微小的错误造成的误差小（大梯度中某一项少了一个因子，大批量中"
        "偏置只取了一个样本），所以用 float32 做检验，既不能放心地判定正确的梯度通过，也不能"
        "发现细微的错误。用 float64 和中心差分，正确的反向传播给出的相对误差在 1e-8 以下，"
        "超过约 1e-4 就是有错误。还有两点实用提示：如果 [x - h, x + h] 内有不可导点（ReLU 在 0 处、"
        "max、abs、Huber 损失在 +-delta 处），即使梯度正确看起来也像是错的，所以要在远离这些点的"
        "地方检验；之所以用相对误差 ||a - n|| / (||a|| + ||n||)，是因为梯度可能极小也可能极大，"
        "离开梯度的尺度，一个绝对阈值没有意义。",
}

"""练习 2“广播”的中文文本（learntools_lite/ex2_broadcasting/）。

键与英文目录一一对应，占位符相同；`{name}` 是学习者的变量名或函数名。
"""

MESSAGES = {
    # ---- q_1a-q_1c：结果的形状（先列共用文本）------------------------------------
    "ex2_broadcasting.shapes.mistake.left_aligned":
        "`{name}`：你把两个形状按左边对齐了。NumPy 是按右边对齐的（从最后一个轴开始比较），"
        "缺少的轴补在前面。",
    "ex2_broadcasting.shapes.mistake.should_error":
        "`{name}`：这两个形状不能广播。请把 `{name}` 设为字符串 \"error\"：有一对轴的长度不同，"
        "而且两者都不是 1。",
    "ex2_broadcasting.shapes.mistake.does_broadcast":
        "`{name}`：这两个形状可以广播。从右往左逐个轴比较：每一对要么相等，要么其中一个是 1。",
    "ex2_broadcasting.shapes.mistake.rule":
        "`{name}` 不符合 NumPy 的广播规则。把两个形状上下排列、右端对齐，缺少的轴补 1："
        "每一对轴必须相等或其中有一个是 1，结果取两者中较大的长度。",
    "ex2_broadcasting.shapes.mistake.outer":
        "`{name}`：你以为结果是逐元素的，好像两个数组并排放着同样的 7 个数。可是 NumPy 并不知道这一点："
        "右端对齐后，`(7,)` 变成 `(1, 7)`，也就是一行，它遇到的是一列 `(7, 1)`。两个轴上都有 1 可以拉伸。"
        "得到的是什么形状？里面装的又是什么？",
    "ex2_broadcasting.shapes.hint.1":
        "广播把两个形状按右端对齐。缺少的轴当作 1；两个轴相等或其中一个为 1 时才兼容，"
        "结果取较大的长度。只要有一对轴不兼容，整个运算就会失败。",
    "ex2_broadcasting.q_1a.hint.2":
        "右端对齐后，两个形状是 `(_, 2, 1, 6)` 对 `(4, 1, 1, 6)`，其中 `_` 表示缺少的轴。从右往左，一列一列地比较这四列。",
    "ex2_broadcasting.q_1a.hint.3":
        "从右往左逐列看：6 与 6 得 6；1 与 1 得 1；2 与 1 得 ____；缺少的轴与 4 得 ____。"
        "再把四个长度从左到右写成一个元组。",
    "ex2_broadcasting.q_1b.hint.2":
        "右端对齐：`(_, 7)` 对 `(7, 1)`。向量在前面多了一个轴，所以它表现为形状 (1, 7) 的一行。",
    "ex2_broadcasting.q_1b.hint.3":
        "(1, 7) 对 (7, 1)：最后一个轴是 7 和 1，第一个轴是 1 和 7。每一列都把它的 1 拉伸开，"
        "所以结果是 (____, ____)。",
    "ex2_broadcasting.q_1c.hint.2":
        "右端对齐：`(8, 3, 4)` 对 `(_, 8, 1)`。第二个形状里的 8 并没有对上第一个形状里的 8。",
    "ex2_broadcasting.q_1c.hint.3":
        "从右往左逐列看：4 与 1 兼容；3 与 8 ____。只要有一列不兼容，答案就是字符串 \"error\""
        "（要让两个 8 对上，第二个数组需要形状 (8, 1, 1)）。",
    # ---- q_2：错误损失的值 ---------------------------------------------------------
    "ex2_broadcasting.q_2.mistake.zero":
        "`{name}` = 0 是损失本来应该有的值：每个预测都等于它的目标。可是这里 `y_hat - y` 的形状"
        "并不是 (4,)。先算出它的形状（和 q_1b 一样），再对它的所有元素求平均。",
    "ex2_broadcasting.q_2.mistake.sum":
        "`{name}` 是 `(y_hat - y)  2` 所有元素的和；`np.mean` 还要把这个和除以元素的个数。",
    "ex2_broadcasting.q_2.mistake.divided_by_n":
        "`{name}` 除以的是 4，即样本数。但 `(y_hat - y)  2` 的元素比这多，"
        "而 `np.mean` 会对每一个元素求平均。",
    "ex2_broadcasting.q_2.hint.1":
        "`y_hat` 的形状是 (4, 1)，`y` 的形状是 (4,)：正是 q_1b 里 (n,) 对 (n, 1) 的情形。"
        "广播会把每个预测和每个目标配对，而不是让每个预测只和它自己的目标配对。",
    "ex2_broadcasting.q_2.hint.2":
        "`y_hat - y` 是一张 4 x 4 的表：第 [i, j] 个元素是 y_hat[i] - y[j] = i - j。"
        "对角线上是 0，其余的不是。",
    "ex2_broadcasting.q_2.hint.3":
        "把 i、j 取 0 ... 3 时的平方 (i - j)  2 都写出来：i = 0 的那一行是 0, 1, 4, 9。"
        "把 16 个平方加起来，再除以 ____。",
    # ---- q_3：找错误，序列批量的标准化 ----------------------------------------------
    "ex2_broadcasting.q_3.mistake.unfixed":
        "`{name}` 仍然对每条记录单独计算均值和标准差（沿它自己的时间步，轴 1）。"
        "这样每条记录的平均水平都一样了，而区分它们的东西，即各自的水平，就丢掉了。"
        "这两个统计量必须由所有记录共享。",
    "ex2_broadcasting.q_3.mistake.std_unfixed":
        "`{name}` 改对了均值，但仍然除以每条记录自己的标准差（轴 1）：两个统计量必须沿同样的轴计算。",
    "ex2_broadcasting.q_3.mistake.mean_unfixed":
        "`{name}` 改对了标准差，但仍然减去每条记录自己的均值（轴 1）：两个统计量必须沿同样的轴计算。",
    "ex2_broadcasting.q_3.mistake.per_timestep":
        "`{name}` 只沿记录（轴 0）计算统计量，于是每个时间步都有自己的均值。"
        "同一个传感器在第 3 步和第 4 步的读数是同一种量：时间步这个轴也要归约掉。",
    "ex2_broadcasting.q_3.mistake.per_sample":
        "`{name}` 仍然对每条记录单独标准化，只是现在同时沿它的时间步和特征。"
        "要沿记录和时间步归约，绝不能沿特征归约。",
    "ex2_broadcasting.q_3.mistake.across_features":
        "`{name}` 沿特征（最后一个轴）计算统计量，把温度和气压混在了一起。"
        "每个特征都需要自己的均值和标准差。",
    "ex2_broadcasting.q_3.mistake.whole_array":
        "`{name}` 对整个数组只用一个均值和一个标准差。每个特征都需要自己的统计量："
        "沿除特征以外的所有轴归约。",
    "ex2_broadcasting.q_3.hint.1":
        "`axis` 指定归约要消去哪些轴。先问自己：哪些数应该共享同一个均值？"
        "这里是同一个特征的所有值，不管它来自哪条记录、哪个时间步。",
    "ex2_broadcasting.q_3.hint.2":
        "X 的形状是 (记录数, 时间步数, 特征数)。加上 `keepdims=True` 后，统计量的形状应是 "
        "(1, 1, 特征数)，每个特征一个数，这样才能沿前两个轴广播。`axis` 也可以是由多个轴组成的元组。",
    "ex2_broadcasting.q_3.hint.3":
        "只有两次归约的 `axis=` 写错了：`mu = X.mean(axis=____, keepdims=True)` 和 "
        "`sigma = X.std(axis=____, keepdims=True)`，两者的形状都是 (1, 1, features)。",
    # ---- q_4：每个通道一个偏置 -------------------------------------------------------
    "ex2_broadcasting.q_4.mistake.last_axis":
        "`{name}` 沿最后一个轴（宽度）加上了偏置：`Z + b` 让 `b` 对上的是最后一个轴。"
        "要给 `b` 一个能对上通道轴的形状。",
    "ex2_broadcasting.q_4.mistake.height_axis":
        "`{name}` 沿高度轴加上了偏置：形状为 (channels, 1) 的偏置对上的是 (height, width)。"
        "还缺一个长度为 1 的轴。",
    "ex2_broadcasting.q_4.hint.1":
        "把形状右端对齐：(batch, channels, height, width) 对 (channels,)。`b` 对上的是 `Z` 的哪个轴？"
        "广播只会在前面添加轴，所以通道后面的轴得你自己加。",
    "ex2_broadcasting.q_4.hint.2":
        "`b` 需要形状 (channels, 1, 1)：右端对齐后，它的通道对上 `Z` 的通道，两个 1 则在高度和宽度上拉伸。"
        "在索引里用 `np.newaxis`（或 `None`），或者用 `reshape`，都能添加长度为 1 的轴。",
    "ex2_broadcasting.q_4.hint.3":
        "在 `add_bias` 中：`b_column = ____`，形状为 (channels, 1, 1)，然后 "
        "`return Z + b_column`（返回新数组；`Z` 保持不变）。",
    # ---- q_5：找错误，会广播的损失 ---------------------------------------------------
    "ex2_broadcasting.q_5.mistake.unfixed":
        "`{name}` 仍然把 (n,) 和 (n, 1) 广播成一张 (n, n) 的表，里面是每个标签与每个预测的组合，"
        "然后对全部 n * n 个元素求平均。要在 `y` 和 `p` 相遇之前让它们形状相同。",
    "ex2_broadcasting.q_5.mistake.only_one_flat":
        "`{name}` 把 `{arg}` 变成了扁平数组或一行（用 `.T`、`np.ravel` 或 `reshape(-1)`），"
        "却让 `{other}` 保持传入时的样子。`{other}` 是扁平数组时这样没问题；当 `{other}` 是列向量 (n, 1) 时，"
        "(n, n) 的表又回来了。`.T` 也修不好 `{other}`：扁平的 (n,) 数组转置后还是同一个 (n,) 数组。"
        "不管参数以什么形状传入，都要让两者形状一致。",
    "ex2_broadcasting.q_5.mistake.only_one_column":
        "`{name}` 把 `{arg}` 变成了列向量 (n, 1)，却让 `{other}` 保持传入时的样子：只有 `{other}` 也是列向量时才正确，"
        "它是扁平数组时又会广播成 (n, n)。要让两个参数形状相同。",
    "ex2_broadcasting.q_5.mistake.sum":
        "`{name}` 把各样本的损失加了起来；损失应该是它们的平均值。",
    "ex2_broadcasting.q_5.hint.1":
        "当 `y` 的形状为 (5,)、`p` 的形状为 (5, 1) 时，打印 `losses` 的形状。"
        "每个样本一个损失，应该是 5 个元素，而不是 25 个。",
    "ex2_broadcasting.q_5.hint.2":
        "读入参数的那一行必须让两者都变成形状 (n,)，不管它们各自以 (n,) 还是 (n, 1) 传入。"
        "`np.ravel`、`reshape(-1)` 和 `squeeze` 都能展平；`.T` 不行（(n,) 数组的转置就是它自己）。",
    "ex2_broadcasting.q_5.hint.3":
        "只需要改函数的第一行：`y, p = ____, ____`，两者的形状都是 (n,)，类型为浮点数。",
    # ---- q_6：(n, m, d) 中间数组的内存 ----------------------------------------------
    "ex2_broadcasting.q_6.mistake.float64":
        "`{name}` 按每个数 8 字节计算，那是 float64 的大小。这些数组是 float32："
        "每个数 4 字节（`np.dtype(np.float32).itemsize`）。",
    "ex2_broadcasting.q_6.mistake.entries":
        "`{name}` 是中间数组的元素个数；每个元素还要占 float32 的 itemsize 个字节。",
    "ex2_broadcasting.q_6.mistake.bits":
        "`{name}` 的单位是比特；题目问的是字节（1 字节 = 8 比特）。",
    "ex2_broadcasting.q_6.mistake.answer_size":
        "`{name}` 是 (n, m) 距离矩阵的大小，也就是答案的大小。中间数组为每一对点保存一整个 d 维差向量。",
    "ex2_broadcasting.q_6.mistake.inputs_size":
        "`{name}` 是输入 `A` 和 `B` 的大小。广播不会复制它们，但差是一个新数组，"
        "每个（查询点, 参考点, 特征）组合都有一个元素。",
    "ex2_broadcasting.q_6.hint.1":
        "广播从不复制输入，但 `A[:, None, :] - B[None, :, :]` 的结果是一个新数组，NumPy 会完整地分配它。"
        "它占用的字节数 = 元素个数 x 每个元素的字节数。",
    "ex2_broadcasting.q_6.hint.2":
        "`A[:, None, :]` 的形状是 (2000, 1, 128)，`B[None, :, :]` 的形状是 (1, 3000, 128)："
        "求出广播后的形状，数一数元素个数，再查一下一个 float32 占几个字节。",
    "ex2_broadcasting.q_6.hint.3":
        "`diff_bytes = ____ * ____ * ____ * ____`：查询点数 × 参考点数 × 特征数 × "
        "每个 float32 的字节数。",
    # ---- q_7：按行计算、数值稳定的 softmax ------------------------------------------
    "ex2_broadcasting.q_7.mistake.no_shift":
        "`{name}` 直接对未规范化的预测（logit）取 `exp`：`np.exp(1000.0)` 上溢为 inf"
        "（`np.exp(-1500.0)` 下溢为 0），相除就得到 NaN。先减去每一行最大的 logit："
        "整行减去同一个数，softmax 不变。",
    "ex2_broadcasting.q_7.mistake.whole_array_max":
        "`{name}` 减去的是整个数组里最大的 logit。远低于它的行仍然会全部下溢为 0，而 0 / 0 是 NaN。"
        "平移量必须每行一个：这一行自己的最大值。",
    "ex2_broadcasting.q_7.mistake.column_max":
        "`{name}` 减去的是每一列的最大值。这会改变每一行的 softmax：只有对整行减去同一个常数才不改变它。"
        "请改为沿类别轴取最大值。",
    "ex2_broadcasting.q_7.mistake.columns":
        "`{name}` 对每一列做了规范化（沿轴 0，即样本轴求和）：这里要求每一行的和为 1，"
        "每个样本一个概率分布。",
    "ex2_broadcasting.q_7.mistake.not_normalised":
        "`{name}` 返回的是指数，没有除以每行的和：各行的和不等于 1。",
    "ex2_broadcasting.q_7.mistake.whole_sum":
        "`{name}` 除以的是整个数组的和（`e.sum()` 没有指定轴）：所有元素加起来等于 1，"
        "而不是每一行。请让每一行除以它自己沿类别轴的和。",
    "ex2_broadcasting.q_7.hint.1":
        "对每一行 z，softmax(z)_k = exp(z_k) / sum_j exp(z_j)。给一行的每个元素都减去同一个数 c，"
        "结果不变（exp(z - c) = exp(z) / exp(c)，exp(c) 会约掉），所以可以为每一行选一个 c，"
        "让 `exp` 不越界。",
    "ex2_broadcasting.q_7.hint.2":
        "Z 的形状是 (samples, classes)。每行的最大值和每行的和都沿轴 1 归约；加上 `keepdims=True` "
        "后形状为 (samples, 1)，可以沿类别轴广播回去。平移之后每行最大的元素是 exp(0) = 1，"
        "所以行和至少为 1：既不会上溢，也不会出现 0 / 0。",
    "ex2_broadcasting.q_7.hint.3":
        "在 `softmax` 中：`shifted = ____`，使每行最大的元素为 0；`e = np.exp(shifted)`；"
        "然后 `return e / ____`，除以每行的和，其形状为 (samples, 1)。",
    # ---- q_8：思考题 ----------------------------------------------------------------
    "ex2_broadcasting.q_8.hint.1":
        "回顾本练习中那些没有报错的错误：是哪些形状让它们悄无声息地通过了？错误的结果看起来又是什么样？",
    "ex2_broadcasting.q_8.hint.2":
        "想一想测试时用的尺寸：当批量里只有 1 个样本，或者样本数恰好等于层的单元数时，形状错误的偏置会怎样？"
        "在方阵里把轴弄混了又会怎样？",
    "ex2_broadcasting.q_8.hint.3":
        "好的回答至少举出两种广播掩盖错误的情形（形状是什么，为什么没有报错），"
        "并至少给出两个习惯（写代码时或写测试时），说明它们分别能怎样发现这些错误。",
    "ex2_broadcasting.q_8.discussion":
        "只有当某一对轴长度不同且都不为 1 时，广播才会报错；所以只要错误的形状恰好还能兼容，错误就藏住了：\n\n"
        "- (n,) 遇上 (n, 1)。 向量变成一行，列向量被拉伸，`y_hat - y` 成了一张每个预测对每个目标的 "
        "(n, n) 表。对它求平均得到的损失看起来很合理（q_2 中完美模型的损失远不为 0），"
        "用它训练会把每个预测都拉向目标的平均值。\n"
        "- 会被拉伸的 1。 列形式的偏置 (units, 1) 加到只有一个样本的批量 (1, units) 上，"
        "得到 (units, units) 的矩阵；批量恰好有 `units` 个样本时，形状对了，数值却是错的。\n"
        "- 不同的轴长度恰好相等。 沿错误的轴归约，或者偏置对上了错误的轴，只要长度碰巧相同就不会有任何提示："
        "方形的表格、方形的图像、通道数等于每边像素数、测试批量大小等于特征数。\n"
        "- 形状恰好合适的错误统计量。 沿错误的轴算出的均值，比如 q_3 中每条记录各自的均值，"
        "形状为 (记录数, 1, 特征数)，它和正确的 (1, 1, 特征数) 一样能广播回 `X`："
        "输出形状正确，看上去甚至也是标准化过的。\n\n"
        "能发现这些错误的习惯：\n\n"
        "- 在边界处断言形状：`assert y.shape == y_hat.shape`、`assert Z.shape == (len(X), units)`。"
        "一行代码，就能把悄无声息的错误变成响亮的报错。损失函数的输入要有意识地展平（或 `reshape`），"
        "不要依赖它们传进来时的样子。\n"
        "- 用不会混淆的尺寸做测试：3 个样本、5 个特征、4 个通道、7 个时间步，不要用方形，也不要全都相等；"
        "再分别用批量大小为 1 和大于 1 各测一次。\n"
        "- 在很小的输入上和一个慢而直白的版本比较：对样本或通道写一个循环（本练习的检查就是这样做的），"
        "或者用库函数（`scipy`、Keras 的层）。也要检查一个已知的值：完美预测的损失是 0。\n"
        "- 写明你指的是哪个轴：用 `keepdims=True`、显式添加新轴（`np.newaxis`），而不是依赖隐式对齐；"
        "用带显式下标的 `np.einsum`；给轴起有名字的常量；并让向量保持 Keras 所用的布局"
        "（偏置的形状为 (units,)）。\n"
        "- 拿不准时先预览广播结果：`np.broadcast_shapes(a.shape, b.shape)`；调试时打印形状，而不只是数值。",
}

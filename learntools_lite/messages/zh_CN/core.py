"""简体中文 (Simplified Chinese) messages.

Every key of the English catalogue has an entry here with the same placeholders (a test
checks this); a key missing at run time would fall back to English.
"""

MESSAGES = {
    "label.correct": "正确",
    "label.incorrect": "不正确",
    "label.blank": "请填空",
    "label.uncheckable": "无法检查",
    "label.hint": "提示",
    "label.solution": "参考答案",
    "label.discussion": "讨论",
    "not_bound": "请先在笔记本的第一个单元格运行 "
                 "`from learntools_lite.core import binder; binder.bind(globals())`，然后再检查。",
    "blank": "请把{where} `____` 换成你的答案，然后再检查。",
    "blank.where_var": " `{name}` 里的",
    "undefined": "`{name}` 还没有定义。请运行定义 `{name}` 的单元格，然后再检查。",
    "could_not_check": "{why}",
    "learner_raised": "使用 `{name}` 时抛出了 {error}。请把 `{name}` 设为普通的值"
                      "（数字、列表、NumPy 数组等），然后再检查。",
    "check_timeout": "检查 `{name}` 超过了 {seconds:g} 秒，已被中止。",
    "internal_error": "检查程序出错（{error}）。你的答案没有被评判；请向课程维护者报告。",
    "hint.none": "这道题没有提示。",
    "hint.label_n": "提示 {n}/{count}",
    "hint.out_of_range.one": "没有第 {n} 条提示：这道题只有一条提示，即 `{qid}.hint()`。",
    "hint.out_of_range.other": "没有第 {n} 条提示：这道题共有 {count} 条提示，"
                               "即 `{qid}.hint(1)` 到 `{qid}.hint({count})`。",
    "solution.released": "计分作业不提供参考答案。截止日期之后请向老师索取。",
    "solution.missing": "没有找到这道题的参考答案。",
    "multipart.parts": "这道题有几个小题 {parts}：请分别检查，例如 `{example}.check()`。",
    "type.number": "一个数",
    "type.real_number": "一个实数",
    "type.array": "一个数值型 NumPy 数组",
    "type.string": "一个字符串",
    "type.set": "一个集合",
    "type.set_simple": "一个由简单值组成的集合",
    "type.sequence": "一个含 {n} 个值的 {kind}",
    "type.tuple_of": "一个含 {n} 个值的元组",
    "type.real": "实数",
    "type.words": "一个字符串，即用你自己的话写下的答案",
    "type.ndarray": "一个形状为 {shape}、dtype 为 {dtype} 的 NumPy 数组",
    "type.none": "`None`",
    "type.other": "一个 {name} 对象{article:.0}",
    "wrong_type": "`{name}` 应该是{expected}，但它是{actual}。",
    "wrong_value": "`{name}` 应该是 {expected!r}，但它是 {actual!r}。",
    "wrong_number": "`{name}` = {actual} 不对{detail}。",
    "not_finite": "`{name}` 含有 NaN 或无穷大的值。",
    "shape": "`{name}` 的形状是 {actual}，但应该是 {expected}。",
    "shape.transposed": "`{name}` 的形状是 {actual}：看起来被转置了（应为 {expected}）。",
    "shape.ones": "`{name}` 的形状是 {actual} 而不是 {expected}：多了或少了一个长度为 1 的轴"
                  "（`keepdims`、`reshape` 还是 `squeeze`？）。",
    "shape.reshape": "`{name}` 的元素个数正确，但形状是 {actual} 而不是 {expected}。",
    "shape.length": "`{name}` 的第一个轴有 {length} 项，但形状应该是 {expected}。",
    "dtype": "`{name}` 的 dtype 是 {actual}，但应该是{expected}类型。",
    "dtype.integer": "`{name}` 是整数类型（{actual}）；它应该存放浮点数。",
    "dtype.bool": "`{name}` 存放的是布尔值（{actual}）；它应该存放浮点数。",
    "values": "`{name}` 的形状正确，但数值不对{detail}。",
    "values.factor": "（相差一个约为 {factor:.4g} 的常数倍）",
    "values.offset": "（相差一个常数 {offset:.4g}）",
    "values.first_diff": "（第一个不同之处在索引 {index}：是 {actual!r}，应为 {expected!r}）",
    "set": "`{name}` 应该恰好包含所要求的元素{detail}。",
    "set.missing": "（缺少 {missing}）",
    "set.extra": "（多出了 {extra}）",
    "set.size": "（它有 {size} 个元素；应有 {expected} 个）",
    "choice.invalid": "`{name}` 应该是 {options} 之一，但它是 {actual!r}。",
    "choice.wrong": "{explanation}",
    "choice.other": "`{name}` = {actual!r} 不是正确选项。",
    "axis.n": "第 {n} 轴",
    "axis.all": "所有轴",
    "mistake.axis": "`{name}` 沿{used}做了归约；题目要求的是{expected}。",
    "mistake.sum_not_mean": "`{name}` 求了和，但应该求平均：除以元素个数（或使用 `mean`）。",
    "mistake.mean_not_sum": "`{name}` 求了平均，但应该求和。",
    "not_callable": "`{name}` 应该是一个函数，但它是{actual}。",
    "call.arg": "第 {n} 个参数",
    "call.result": "返回值",
    "call.raised": "调用 `{call}` 时抛出了 {error}。",
    "call.timeout": "调用 `{call}` 在 {seconds:g} 秒内没有结束（是否有死循环？）。",
    "call.wrong": "`{call}` 返回的结果不对：{why}",
    "call.returned_none": "`{call}` 返回了 None：是不是忘了写 `return`？",
    "call.mutated": "`{call}` 原地修改了它的输入（{arg}）；请计算一个新数组。",
    "keras.not_model": "`{name}` 应该是一个 Keras 模型，但它是{actual}。",
    "keras.not_compiled": "`{name}` 还没有编译：请调用 `{name}.compile(...)`。",
    "keras.what.optimizer": "优化器",
    "keras.what.loss": "损失函数",
    "keras.what.metric": "评估指标",
    "keras.what.learning_rate": "学习率",
    "keras.compile": "`{name}` 编译时使用的{what}是 {actual}，但题目要求的是 {expected}。",
    "keras.metrics": "`{name}` 编译时使用的指标是 {actual}，但题目要求的是 {expected}。",
    "keras.metrics.none": "（无）",
    "keras.no_history": "`{name}` 应该是 `model.fit(...)` 返回的 History 对象，但它是{actual}。",
    "keras.fit.epochs": "调用 `fit` 时 epochs={actual}，但题目要求 epochs={expected}。",
    "keras.fit.stopped": "`len({name}.history['loss'])` 是 {actual}，但题目要求 "
                         "epochs={expected}（训练是否提前停止或被中断？）。",
    "keras.fit.batch_size": "`fit` 在 {samples} 个样本上每个轮次运行了 {steps} 步，"
                            "即批量大小约为 {actual}；题目要求 batch_size={expected}"
                            "（每个轮次 {expected_steps} 步）。",
    "keras.fit.batch_size_split": "`fit` 每个轮次运行了 {steps} 步；当 batch_size={expected}、"
                                  "validation_split={split} 时，Keras 用 {samples} 个样本中的 "
                                  "{kept} 个训练，每个轮次应为 {expected_steps} 步。请检查 "
                                  "`batch_size` 和 `validation_split`。",
    "keras.rejected": "`{name}` 编译时使用的{what}是 {actual!r}，Keras 并不接受它（{error}）；"
                      "题目要求的是 {expected}。",
    "keras.fit.validation_split": "`fit` 每个轮次只运行了 {steps} 步，少于 {samples} 个训练样本"
                                  "按每批 {batch_size} 个应有的 {expected_steps} 步：这正是 "
                                  "`validation_split` 的效果，它从训练数据中留出了一部分。"
                                  "题目已经给出了验证数据：请用 `validation_data=...` 代替 "
                                  "`validation_split`，然后重新训练。",
    "keras.fit.no_steps": "`{name}` 没有记录每个 epoch 的步数，因此无法检查批量大小。",
    "keras.fit.no_validation": "`{name}.history` 中没有 `val_loss`：请给 `fit` 传入 "
                               "`validation_data=...`（或 `validation_split=...`）。",
    "keras.fit.metric": "`{name}.history` 中没有 `{metric}`：请用 `metrics=[...]` 编译模型后重新训练。",
    "keras.layers": "模型应该有 {expected} 层，但它有 {actual} 层。",
    "keras.layer": "第 {index} 层应该是 {expected}，但它是 {actual}。",
    "keras.input_shape": "模型的输入形状是 {actual}，但题目要求的是 {expected}。",
    "keras.not_built": "`{name}` 还不知道输入形状：请用 `keras.Input(shape=...)` 开始构建模型。",
    "keras.params": "模型有 {actual} 个参数，但应该有 {expected} 个。",
    "thought": "这道题没有唯一的正确答案；请把你的想法与讨论对照。",
    "thought.blank": "请先用你自己的话把答案写进 `{name}`（一个字符串，例如 `{name} = \"...\"`），"
                     "再检查，就能看到讨论。",
    "thought.too_short": "`{name}` 太短，还无法与讨论对照：请用你自己的话至少写 {n} 个词，"
                         "然后再检查。",
    "language.set": "从现在起，所有信息都以简体中文显示（`{code}`）。",
    "language.unknown": "没有 {lang} 的提示信息；可用的语言有 {available}。语言没有改变。",
    "grading.outside": "这个笔记本正在评分：`{qid}` 由评分程序在这个内核之外，"
                       "根据你的单元格算出的值来判定。",
    # animate_sgd 的参数（sgd_trajectory.py）。
    "sgd.not_number": "{name} 必须是一个数，例如 {example}；现在是 {value!r}。",
    "sgd.not_finite": "{name} 必须是有限的数；现在是 {value!r}。",
    "sgd.not_positive": "{name} 必须大于 0；现在是 {value!r}。",
    "sgd.not_whole": "{name} 必须是整数，例如 {example}；现在是 {value!r}。",
    "sgd.too_small": "{name} 至少应为 {low}；现在是 {value!r}。",
    "sgd.too_large": "{name} 至多为 {high}；现在是 {value!r}。",
    "sgd.batch_too_large": "batch_size（{batch_size}）不能大于 num_examples（{num_examples}）："
                           "小批量是从样本中无放回抽取的。请使用不超过 {num_examples} 的 batch_size。",
    "sgd.unknown_optimizer": "optimizer 必须是 {choices} 之一；现在是 {value!r}。",
    "sgd.diverged": "在第 {step} 步发散：请尝试更小的学习率",
}

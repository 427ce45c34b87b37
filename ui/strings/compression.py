"""Strings of the text-compression page (pages/lessons/compression.py)."""

STRINGS = {
    "page.compression": ("Cross-entropy is compression", "交叉熵即压缩"),
    "page.compression.blurb": (
        "Train a character model on one text, compress another with an arithmetic coder, and "
        "read bits per character and perplexity as a cross-entropy.",
        "在一段文本上训练字符模型，用算术编码压缩另一段文本，把每字符比特数和困惑度读作交叉熵。"),
}

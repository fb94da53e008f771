"""speechgen: 重点项目台账 → 讲话稿、通报、督查通知 in GB/T 9704-2012 layout."""

__version__ = "0.1.0"

"""The 公文 Markdown dialect → Document (markdown-it-py tokens, front matter for meta)."""

"""`speechgen serve`: start the local web page (speechgen.web) and say where it is."""

from __future__ import annotations

import click

from speechgen.cli.zhclick import ZhCommand

MB = 1024 * 1024


@click.command("serve", cls=ZhCommand, short_help="启动本机网页：上传台账、看数据、起草和预览文稿。")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="地址",
              help="监听的地址。默认只有本机能打开；写成其他地址（如 0.0.0.0）时，同一网络中的任何人都能使用。")
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=8000, show_default=True, metavar="端口",
              help="监听的端口。")
@click.option("--open", "open_browser", is_flag=True, help="启动后用默认浏览器打开网页。")
@click.option("--max-upload", type=click.FloatRange(0.1, 1024), default=20, show_default=True, metavar="MB",
              help="一次上传的大小上限（MB），上传过程中超过即拒收。")
@click.option("--session-minutes", type=click.FloatRange(1, 7 * 24 * 60), default=120, show_default=True,
              metavar="分钟", help="闲置多久后删除该浏览器上传和生成的文件。")
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True, metavar="个",
              help="排版用的后台进程数（每个同时排一份 PDF）。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def serve_command(host: str, port: int, open_browser: bool, max_upload: float, session_minutes: float,
                  workers: int) -> None:
    """启动本机网页版 speechgen：上传台账和会议信息（或用示例、或在表单中填写），查看算出的数据和图表，
    选择文稿类型、框架和种子起草，修改文字后重新排版，按打印效果逐页预览，下载 .docx、.pdf、.md。

    上传的文件只保存在本机的临时文件夹中，每个浏览器只能看到自己的文件；点“结束并清除”或闲置超过
    --session-minutes 后删除。按 Ctrl+C 停止。

    \b
    例：
      speechgen serve --open
      speechgen serve --port 8080 --max-upload 50
    """
    from speechgen.web import WebSettings, serve
    from speechgen.web.settings import is_loopback

    settings = WebSettings(host=host, port=port, max_upload=int(max_upload * MB), session_minutes=session_minutes,
                           workers=workers)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    if not is_loopback(host):
        click.echo(f"警告：正在监听 {host}，同一网络中的任何人都能打开本页、上传文件和生成文稿；"
                   "只在本机使用时请去掉 --host。", err=True)

    def ready() -> None:
        click.echo(f"speechgen 网页已启动：{url}　（按 Ctrl+C 停止）", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    try:
        serve(settings, on_ready=ready)
    except OSError as error:
        raise click.ClickException(f"无法在 {host}:{port} 上启动（{error.strerror or error}）；"
                                   "端口可能已被占用，请用 --port 换一个。") from None

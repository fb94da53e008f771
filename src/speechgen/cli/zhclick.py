"""click with Chinese help headings and messages; every error is shown without a traceback."""

from __future__ import annotations

import re
import sys
import traceback
from collections.abc import Sequence
from typing import Any

import click

from speechgen.cli.zhhelp import ZhContext
from speechgen.errors import SpeechgenError

# click's own messages are English; the ones users meet first get a Chinese form.
_CLICK_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"Missing option '([^']+)'.*", r"缺少选项 \1"),
    (r"Missing argument '([^']+)'.*", r"缺少参数 \1"),
    (r"(?s)No such option:? '?([^'\s]+)'?\.?\s*\(?Did you mean (?:one of: )?(.*?)\?\)?$",
     r"没有这个选项：\1（是不是要写 \2？）"),
    (r"(?s)No such option:? '?([^'\s]+)'?.*", r"没有这个选项：\1"),
    (r"No such command '([^']+)'.*", r"没有这个命令：\1"),
    (r"Got unexpected extra arguments? \((.*)\)", r"多余的参数：\1"),
    (r"Invalid value for '([^']+)': (.*)", r"选项 \1 的取值无效：\2"),
    (r"Invalid value for ([^':]+): (.*)", r"选项 \1 的取值无效：\2"),
    (r"Path '([^']+)' does not exist\.", r"文件不存在：\1"),
    (r"'([^']+)' is not one of (.*)\.", r"“\1”不在可选值 \2 之中"),
    (r"'([^']+)' is not a valid integer( range)?\.", r"“\1”不是整数"),
)


def translate_click_message(message: str) -> str:
    """Return click's English error message in Chinese where a translation is known."""
    for pattern, replacement in _CLICK_MESSAGES:
        translated, count = re.subn(pattern, replacement, message)
        if count:
            message = translated
    return message


_HELP_EXTRAS = (("required", "必填"), ("default: ", "默认："), ("env var: ", "环境变量："))


def _translate_extras(text: str) -> str:
    """Return an option's help with click's bracketed extras ("[required]") in Chinese."""
    for english, chinese in _HELP_EXTRAS:
        text = text.replace(f"[{english}", f"[{chinese}").replace(f"; {english}", f"；{chinese}")
    return text


def write_section(formatter: click.HelpFormatter, title: str, rows: list[tuple[str, str]]) -> None:
    """Write a help section with a Chinese heading ("选项：") and its rows."""
    rows = [(term, _translate_extras(help_text)) for term, help_text in rows]
    formatter.write_paragraph()
    formatter.write_text(f"{title}：")
    with formatter.indentation():
        formatter.write_dl(rows)


class ZhCommand(click.Command):
    """A click command whose help headings read 用法 / 选项, laid out by ZhHelpFormatter."""

    context_class = ZhContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [rv for p in self.get_params(ctx)
                if isinstance(p, click.Argument) and p.help and (rv := p.get_help_record(ctx))]
        if rows:
            write_section(formatter, "参数", rows)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [rv for p in self.get_params(ctx)
                if not isinstance(p, click.Argument) and (rv := p.get_help_record(ctx)) is not None]
        if rows:
            write_section(formatter, "选项", rows)


class ZhGroup(click.Group):
    """The top-level group: Chinese headings, and the one place errors become exit codes."""

    command_class = ZhCommand
    context_class = ZhContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        ZhCommand.format_usage(self, ctx, formatter)  # type: ignore[arg-type]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        ZhCommand.format_options(self, ctx, formatter)  # type: ignore[arg-type]
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=60)))
        if rows:
            write_section(formatter, "命令", rows)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        debug = "--debug" in (args if args is not None else sys.argv[1:])
        try:
            return super().main(args=args, prog_name=prog_name, standalone_mode=False, **extra)
        except SpeechgenError as error:
            for line in error.messages():
                click.echo(f"错误：{line}", err=True)
            sys.exit(error.exit_code)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.Abort:
            click.echo("已取消。", err=True)
            sys.exit(1)
        except click.exceptions.NoArgsIsHelpError as error:  # `speechgen` alone: the help, as click does
            click.echo(error.ctx.get_help(), err=True)
            sys.exit(2)
        except click.ClickException as error:
            if isinstance(error, click.UsageError) and error.ctx is not None:
                click.echo(error.ctx.get_usage(), err=True)
                click.echo(f"运行 “{error.ctx.command_path} --help” 查看帮助。", err=True)
            click.echo(f"错误：{translate_click_message(error.format_message())}", err=True)
            sys.exit(2 if isinstance(error, click.UsageError | click.BadParameter) else 1)
        except KeyboardInterrupt:
            click.echo("已中断。", err=True)
            sys.exit(130)
        except Exception as error:  # a bug, not bad input: say so plainly
            if debug:
                traceback.print_exc()
            click.echo(
                f"内部错误：{type(error).__name__}: {error}。这是 speechgen 的缺陷，请把命令和输入文件"
                "提供给维护者；加 --debug 可查看详细信息。",
                err=True,
            )
            sys.exit(1)

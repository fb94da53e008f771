"""`speechgen templates`, `frames` and `snippets`: what `generate` has to choose from."""

from __future__ import annotations

from pathlib import Path

import click

from speechgen import api
from speechgen.cli.zhclick import ZhCommand
from speechgen.kinds import KIND_LABELS

PREVIEW_CHARS = 36  # characters of a passage shown by `speechgen snippets`


@click.command("templates", cls=ZhCommand, short_help="列出内置的文稿模板。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def templates_command() -> None:
    """列出内置的文稿模板及其内容结构。

    模板是 Jinja2 文件，生成公文 Markdown 稿。如需改写，可复制一份修改后用
    speechgen generate … --template 我的模板.md.j2 使用（在安全沙箱中运行）。
    """
    for kind, path, description in api.templates():
        click.echo(f"{kind}（{KIND_LABELS[kind]}）  {path}")
        click.echo(f"    {description}")


@click.command("frames", cls=ZhCommand, short_help="列出讲话稿可用的结构框架（--frame）。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def frames_command() -> None:
    """列出讲话稿可用的结构框架，供 speechgen generate speech --frame 选用。

    每个框架有几组相互对仗的部分标题，按 --seed 选用其中一组。
    """
    for index, frame in enumerate(api.frames()):
        default = "（默认）" if index == 0 else ""
        click.echo(f"{frame.name}{default}  {frame.label}")
        click.echo(f"    {frame.description}")
        for headings in frame.heading_sets:
            click.echo(f"    · {' / '.join(headings.headings)}")


@click.command("snippets", cls=ZhCommand, short_help="列出片段库中的段落（角色、编号、适用条件）。")
@click.option("--role", "-r", default=None, metavar="角色", help="只列出这个角色的段落，如 speed。")
@click.option("--snippets", "snippet_dirs", multiple=True, metavar="文件夹", type=click.Path(path_type=Path),
              help="同时读入自写段落的文件夹（也用于检查其中的段落是否写对）。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
def snippets_command(role: str | None, snippet_dirs: tuple[Path, ...]) -> None:
    """列出片段库：每个段落的角色、编号、适用条件和开头文字。

    条件中 when 表示须同时满足，unless 表示满足其一即不用；条件的含义见 docs/snippets.md。
    加 --snippets 文件夹 可检查自写的段落：有错误时逐条指出文件、行号和原因。
    """
    library = api.snippet_library(list(snippet_dirs))
    roles = [role] if role else list(library.roles)
    if role and role not in library.roles:
        known = "、".join(library.roles)
        raise click.BadParameter(f"没有角色“{role}”；现有角色：{known}", param_hint="--role")
    total = 0
    for name in roles:
        passages = library.for_role(name)
        total += len(passages)
        click.echo(f"{name}  {library.roles[name].title}（{len(passages)}段）")
        for passage in passages:
            conditions = [f"when: {'、'.join(sorted(passage.when))}"] if passage.when else []
            conditions += [f"unless: {'、'.join(sorted(passage.unless))}"] if passage.unless else []
            if len(passage.kinds) < len(KIND_LABELS):
                conditions.append("用于：" + "、".join(KIND_LABELS[k] for k in KIND_LABELS if k in passage.kinds))
            lead = f"【{passage.lead}】" if passage.lead else ""
            preview = passage.text[:PREVIEW_CHARS] + ("…" if len(passage.text) > PREVIEW_CHARS else "")
            click.echo(f"  {passage.id}  {'；'.join(conditions) or '任何情况'}")
            click.echo(f"      {lead}{preview}")
    click.echo(f"共 {len(roles)} 个角色，{total} 段。")

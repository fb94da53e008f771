"""The summary `speechgen batch` prints at the end: made, reused, skipped (and why), failed (and
why), where the manifest, the zip and the merged file are."""

from __future__ import annotations

from collections import Counter

import click

from speechgen.batch import BatchSummary

SHOWN_FAILURES = 20  # failures listed one by one; the manifest has them all


def echo_summary(summary: BatchSummary) -> None:
    """Print the summary: warnings and failures to stderr, the rest to stdout."""
    for warning in summary.warnings:
        click.echo(warning.format(), err=True)
    folder = f"{summary.out_dir}（新建）" if summary.created_folder else str(summary.out_dir)
    parts = [f"生成 {summary.made} 份"]
    if summary.reused:
        parts.append(f"沿用上次已生成的 {summary.reused} 份")
    if summary.skipped:
        parts.append(f"跳过 {len(summary.skipped)} 组")
    if summary.failed:
        parts.append(f"失败 {len(summary.failed)} 份")
    click.echo(f"完成：{'，'.join(parts)}。文件在 {folder}")
    for reason, count in Counter(reason for _, reason in summary.skipped).items():
        click.echo(f"  跳过 {count} 组：{reason}")
    if summary.unnumbered:
        click.echo("  未编发文字号：要编号请加 --number-from N（机关代字和年份取自会议信息的 doc_number）")
    click.echo(f"清单：{summary.manifest}")
    if summary.zip_file is not None:
        click.echo(f"压缩包：{summary.zip_file}")
    if summary.merged is not None:
        click.echo(f"合订本：{summary.merged}")
    for name, reason in summary.failed[:SHOWN_FAILURES]:
        click.echo(f"失败：{name}：{reason}", err=True)
    if len(summary.failed) > SHOWN_FAILURES:
        click.echo(f"……另有 {len(summary.failed) - SHOWN_FAILURES} 份失败，见清单。", err=True)
    if summary.failed:
        click.echo(f"错误：{len(summary.failed)} 份未能生成（原因见上和清单），其余已生成。", err=True)

"""The `conflict-timeline` command: ingest, export, dates. Errors are one clear line and a non-zero exit."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from pipeline import __version__, settings
from pipeline.errors import DateError, PipelineError

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 1, 2


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-11-11") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflict-timeline",
        description="German news articles about the war in Ukraine into a dated, sourced event table.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("ingest", help="read articles (files or folders) into the event database",
                       description="Read .txt, .md, .html and .jsonl articles (files or folders, with manifest.csv) "
                                   "into the DuckDB event table. Unchanged files are not read again; a changed file "
                                   "replaces its old events. Exit status 0 when every input was ingested, 1 when "
                                   "some were skipped (the report says why).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--db", default=settings.get("db"), help="DuckDB file to write (default: %(default)s)")
    p.add_argument("--published", type=_date_arg, metavar="YYYY-MM-DD",
                   help="publication date for articles that have none (default: infer it from the text)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes for extraction (default: one per CPU core)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--quiet", "-q", action="store_true", help="print only the summary and the problems")
    p.set_defaults(func=_run_ingest)

    p = sub.add_parser("export", help="export the event table (csv, jsonl, parquet, xlsx)",
                       description="Export the merged events: JSONL (one object per event with all sources), CSV "
                                   "and XLSX (lists joined with '; ', formulas escaped), Parquet.")
    p.add_argument("--format", "-f", choices=("csv", "jsonl", "parquet", "xlsx"), default="jsonl",
                   help="output format (default: %(default)s)")
    p.add_argument("--db", default=settings.get("db"), help="DuckDB file to read (default: %(default)s)")
    p.add_argument("--out", "-o", default=None, metavar="FILE",
                   help="output file (default: standard output for jsonl and csv)")
    p.set_defaults(func=_run_export)

    from pipeline.temporal.cli import register

    register(sub)
    return parser


def _run_ingest(args: argparse.Namespace) -> int:
    from pipeline.run import ingest

    bar = None
    progress = None
    if not args.no_progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=0, unit="article", desc="extracting", file=sys.stderr)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

    try:
        report = ingest(args.paths, args.db, default_published=args.published,
                        workers=args.workers, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    for line in report.lines:
        if args.quiet and line.status in ("ingested", "replaced", "unchanged"):
            continue
        print(f"{line.status:9} {line.doc}: {line.message}")
    print(report.summary() + f" -> {args.db}")
    return EXIT_OK if report.ok else EXIT_SKIPPED


def _run_export(args: argparse.Namespace) -> int:
    from pipeline import store
    from pipeline.export import write_export

    con = store.connect_read(args.db)
    try:
        events = store.read_events(con)
    finally:
        con.close()
    where = write_export(events, args.format, args.out)
    if args.out is not None:
        print(f"wrote {len(events)} event(s) as {args.format} to {where}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DateError as exc:
        print(f"conflict-timeline: date error: {exc}", file=sys.stderr)
    except PipelineError as exc:
        print(f"conflict-timeline: error: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("conflict-timeline: interrupted; the database is unchanged", file=sys.stderr)
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())

"""Flask commands: ``init-db``, ``worker``, ``export`` and the ``gazetteer`` group (``ingest`` and
``jobs`` are in :mod:`webapp.jobs.cli`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from .errors import AppError
from .extensions import db, gazetteers


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create or update the tables: the same as ``flask db upgrade``."""
    from flask_migrate import upgrade

    upgrade()
    click.echo(f"Database ready: {db.engine.url.render_as_string(hide_password=True)}")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@click.option(
    "--fork/--no-fork",
    default=False,
    show_default=True,
    help="Run each job in a forked work-horse (isolated, slower), or in this process.",
)
@with_appcontext
def worker_command(burst: bool, fork: bool) -> None:
    """Run queued ingestion jobs (needs REDIS_URL)."""
    from .queue import queue_enabled, run_worker

    if not queue_enabled():
        raise click.ClickException("REDIS_URL is not set: ingestion runs synchronously, no worker needed.")
    try:
        run_worker(current_app._get_current_object(), burst=burst, fork=fork)  # type: ignore[attr-defined]
    except AppError as exc:
        raise click.ClickException(exc.message) from exc


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["csv", "geojson", "kml"]))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: incidents-<today>.<FORMAT>; '-' for standard output).",
)
@click.option("--from", "date_from", help="First date (YYYY-MM-DD), inclusive.")
@click.option("--to", "date_to", help="Last date (YYYY-MM-DD), inclusive.")
@click.option("--type", "event_types", multiple=True, help="Event type (repeat or comma-separate).")
@click.option("--actor", "actors", multiple=True, help="Actor (repeat or comma-separate).")
@click.option("--admin1", multiple=True, help="Governorate (repeat or comma-separate).")
@click.option("--precision", multiple=True, help="geo_precision 1, 2 or 3 (repeat or comma-separate).")
@click.option("--q", "q", help="Free text; every word must occur (Arabic-normalised).")
@click.option("--source", help="Part of the article's source name.")
@click.option("--article", help="One article id.")
@click.option("--bbox", help="west,south,east,north in degrees.")
@click.option("--near", help="lat,lon,km: within km kilometres of the point.")
@click.option(
    "--status",
    multiple=True,
    help="Review status: unreviewed, verified, rejected or all (default: all but rejected).",
)
@with_appcontext
def export_command(fmt: str, output: Path | None, **criteria: object) -> None:
    """Export the incidents matching the map's filters as CSV (ACLED columns), GeoJSON or KML.

    The twin of the map's export links: same filters, same writers (:func:`webapp.export.export_chunks`).
    """
    from .export import export_chunks, export_filename
    from .filters import parse_filters

    names = {"date_from": "from", "date_to": "to", "event_types": "type", "actors": "actor"}
    args = {names.get(key, key): value for key, value in criteria.items() if value not in (None, ())}
    try:
        chunks = export_chunks(fmt, parse_filters(args))
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    if output is not None and str(output) == "-":
        for chunk in chunks:
            click.echo(chunk, nl=False)
        return
    path = output or Path(export_filename(fmt))
    # Written beside the target and renamed, so a failure never leaves a truncated export behind.
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            out.writelines(chunks)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    click.echo(f"Wrote {path}", err=True)


gazetteer_cli = AppGroup("gazetteer", help="Build, extend, inspect and query the gazetteer.")


def gazetteer_path() -> Path:
    """The built gazetteer file: ``GAZETTEER_PATH`` or the bundled default location."""
    from gazetteer import default_path

    configured = current_app.config.get("GAZETTEER_PATH")
    return Path(configured).expanduser() if configured else default_path()


def _option_value(raw: str) -> object:
    try:
        return json.loads(raw)  # numbers, booleans, JSON objects (e.g. a column mapping)
    except ValueError:
        return raw


@gazetteer_cli.command("build")
@click.option("--force", is_flag=True, help="Rebuild even when the file is current.")
def gazetteer_build(force: bool) -> None:
    """Build the bundled gazetteer (offline) at GAZETTEER_PATH or the default cache path."""
    from gazetteer import ensure_built, load_gazetteer

    path = ensure_built(gazetteer_path(), force=force)
    gazetteers.reset()
    click.echo(f"{len(load_gazetteer(path)):,} places in {path}")


@gazetteer_cli.command("import")
@click.argument("kind")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--option",
    "-o",
    "options",
    multiple=True,
    metavar="KEY=VALUE",
    help="Importer option (value parsed as JSON when it can be), e.g. -o layer=admin2.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def gazetteer_import(kind: str, files: tuple[Path, ...], options: tuple[str, ...], quiet: bool) -> None:
    """Import FILES with the importer KIND (geonames, ocha, csv) and merge them into the gazetteer,
    counting the places read under a progress bar (standard error)."""
    from gazetteer import IMPORTERS, GazetteerError, ensure_built, extend, iter_import

    from .jobs.progress import counted, progress_bar

    if kind not in IMPORTERS:
        raise click.BadParameter(
            f"unknown importer {kind!r}; choose one of {', '.join(IMPORTERS)}", param_hint="KIND"
        )
    kwargs = {}
    for item in options:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--option")
        kwargs[key.strip()] = _option_value(raw)
    path = ensure_built(gazetteer_path())
    failed = False
    for file in files:
        try:
            with progress_bar(None, file.name, quiet=quiet, unit="place") as bar:
                report = extend(path, counted(iter_import(kind, file, **kwargs), bar))
        except GazetteerError as exc:
            failed = True
            click.echo(f"error\t{file}\t{exc}")
            continue
        click.echo(f"imported\t{file}\t{report.added} added, {report.merged} merged")
    gazetteers.reset()
    if failed:
        sys.exit(1)


@gazetteer_cli.command("download")
@click.argument("which", type=click.Choice(["geonames", "ocha", "all"]), default="all")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where downloads are kept (default: downloads/ beside the gazetteer file).",
)
@click.option("--base-url", help="Fetch <base-url>/<file name> instead of the public addresses (a mirror).")
@click.option("--force", is_flag=True, help="Download again even when a verified copy is cached.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars.")
def gazetteer_download(
    which: str, cache_dir: Path | None, base_url: str | None, force: bool, quiet: bool
) -> None:
    """Download the full GeoNames and OCHA data for Syria (WHICH: geonames, ocha or all) and import it."""
    from gazetteer import GazetteerError, download, ensure_built

    bars: list[object] = []

    def progress(source):  # noqa: ANN001, ANN202 - a gazetteer.places.download.Source → its callback
        state: dict[str, object] = {}

        def advance(done: int, total: int | None) -> None:
            bar = state.get("bar")
            if bar is None:
                bar = click.progressbar(length=total or 0, label=source.filename, file=sys.stderr)
                bar.__enter__()
                bars.append(bar)
                state["bar"], state["done"] = bar, 0
            bar.update(done - int(state["done"]))  # type: ignore[attr-defined]
            state["done"] = done

        return advance

    path = ensure_built(gazetteer_path())
    try:
        results = download(
            which,
            path,
            cache_dir=cache_dir,
            base_url=base_url,
            force=force,
            progress=None if quiet else progress,
        )
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)  # type: ignore[attr-defined]
    gazetteers.reset()
    for item in results:
        state = "downloaded" if item.fetched else "cached"
        click.echo(f"{state}\t{item.source.name}\t{item.report.added} added, {item.report.merged} merged")


@gazetteer_cli.command("unresolved")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def gazetteer_unresolved(limit: int, as_json: bool) -> None:
    """List the names articles give to places the gazetteer lacks, commonest first (the web page's twin)."""
    from dataclasses import asdict

    from .unresolved import unresolved_names

    for name in unresolved_names(limit=limit):
        if as_json:
            click.echo(json.dumps(asdict(name), ensure_ascii=False))
        else:
            click.echo(
                f"{name.mentions}\t{name.articles}\t{name.name}\t{', '.join(name.cues)}\t"
                f"{', '.join(name.containers)}"
            )


@gazetteer_cli.command("pin")
@click.argument("name")
@click.option("--lat", required=True, type=float, help="Latitude in degrees.")
@click.option("--lon", required=True, type=float, help="Longitude in degrees.")
@click.option("--type", "place_type", required=True, help="Place type (village, town, camp, …).")
@click.option("--name-ar", default="", help="The Arabic name.")
@click.option("--variant", "variants", multiple=True, help="Another spelling (repeat).")
@click.option("--parent", default="", help="The place it lies in: a gazetteer id or a name.")
def gazetteer_pin(
    name: str, lat: float, lon: float, place_type: str, name_ar: str, variants: tuple[str, ...], parent: str
) -> None:
    """Pin NAME, a place the gazetteer lacks, at --lat/--lon (``POST /api/places``'s twin)."""
    from .audit import Actor
    from .pins import PlaceDraft, pin_place, pinned_dict

    data = {"name": name, "lat": lat, "lon": lon, "type": place_type, "name_ar": name_ar}
    data.update({"variants": list(variants), "parent": parent})
    try:
        place = pinned_dict(pin_place(PlaceDraft.from_json(data), Actor.shell()))
    except AppError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(
        f"pinned\t{place['id']}\t{place['type']}\t{place['name']}\t{place['lat']:.5f},{place['lon']:.5f}"
    )
    click.echo(_reresolved_line(**place["reresolved"]))


@gazetteer_cli.command("reresolve")
@click.argument("name", required=False)
def gazetteer_reresolve(name: str | None) -> None:
    """Geoparse again the articles holding an unresolved mention of NAME (any spelling), or, without
    NAME, of any name the gazetteer now knows; incidents that move are recorded as re-resolutions."""
    from .audit import Actor
    from .reresolve import reresolve

    report = reresolve([name] if name else None, Actor.shell())
    click.echo(_reresolved_line(report.articles, report.moved, report.added))


def _reresolved_line(articles: int, moved: int, added: int) -> str:
    return f"{articles} articles read again, {moved} incidents moved, {added} added"


@gazetteer_cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def gazetteer_stats(as_json: bool) -> None:
    """Print counts of places by type, source and country, and Syrian name/P-code coverage."""
    from gazetteer import format_summary, summarize

    summary = summarize(gazetteers.get())
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2) if as_json else format_summary(summary))


_LOCAL_GEOCODERS = ("", "local", "gazetteer", "offline")


def app_geocoder():  # noqa: ANN201 - a geopy Geocoder
    """The geopy geocoder named by ``GEOCODER``: the app's own gazetteer offline, or a geopy service."""
    from gazetteer import make_geocoder

    spec = str(current_app.config.get("GEOCODER") or "local")
    if spec.strip().lower() in _LOCAL_GEOCODERS:
        return make_geocoder(spec, gazetteer=gazetteers.get())
    return make_geocoder(spec, user_agent="syria-incident-map")


@gazetteer_cli.command("lookup")
@click.argument("name")
@click.option("--limit", default=10, show_default=True)
@click.option("--reverse", is_flag=True, help='NAME is a point "lat,lon": print the nearest places.')
def gazetteer_lookup(name: str, limit: int, reverse: bool) -> None:
    """Geocode NAME (Arabic or English, any spelling) with the configured geocoder; exit 1 when nothing."""
    from geopy.exc import GeopyError

    geocoder = app_geocoder()
    try:
        found = (
            geocoder.reverse(name, exactly_one=False, limit=limit)
            if reverse
            else geocoder.geocode(name, exactly_one=False, limit=limit)
        )
    except GeopyError as exc:
        raise click.ClickException(str(exc)) from exc
    if not found:
        click.echo(f"nothing found for {name!r}")
        sys.exit(1)
    for loc in found:
        raw = loc.raw if isinstance(loc.raw, dict) else {}
        distance = f"\t{raw['distance_km']} km" if "distance_km" in raw else ""
        click.echo(
            f"{raw.get('id', '')}\t{raw.get('type', '')}\t{loc.address}\t"
            f"{loc.latitude:.5f},{loc.longitude:.5f}{distance}"
        )


def register(app: Flask) -> None:
    """Attach every command to ``app``."""
    app.cli.add_command(init_db_command)
    app.cli.add_command(worker_command)
    app.cli.add_command(export_command)
    app.cli.add_command(gazetteer_cli)

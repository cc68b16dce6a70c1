"""The batch commands' progress bar (webapp/jobs/progress.py): on stderr with counts, off when quiet."""

from __future__ import annotations

from webapp.jobs.progress import counted, progress_bar


def test_the_bar_counts_on_stderr_and_lines_go_to_stdout(capsys):
    with progress_bar(3, "job 1", unit="article") as bar:
        for n in range(3):
            bar.echo(f"created\titem{n}")
            bar.advance(created=n + 1, failed=0)
    out, err = capsys.readouterr()
    assert out.splitlines() == ["created\titem0", "created\titem1", "created\titem2"]
    assert "job 1" in err and "3/3" in err and "created=3, failed=0" in err


def test_counted_advances_once_per_item_of_unknown_total(capsys):
    with progress_bar(None, "places.csv", unit="place") as bar:
        assert list(counted(iter("abcd"), bar)) == ["a", "b", "c", "d"]
    assert "4place" in capsys.readouterr().err.replace(" ", "")


def test_quiet_prints_the_lines_and_no_bar(capsys):
    with progress_bar(2, "job 1", quiet=True) as bar:
        bar.echo("existing\titem0")
        bar.advance(existing=1)
        assert list(counted([1, 2], bar)) == [1, 2]
    assert capsys.readouterr() == ("existing\titem0\n", "")

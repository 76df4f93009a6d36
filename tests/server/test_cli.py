"""`kg serve` refuses bad setups with clear messages before binding anything."""

from __future__ import annotations

from kg.cli import main


def test_missing_store_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(main, ["serve", "--store", str(tmp_path / "nowhere"), "--port", "0"])
    assert result.exit_code == 2
    assert "no store at" in result.output and "kg build" in result.output


def test_update_mode_needs_a_token(runner, tmp_path):
    result = runner.invoke(main, ["serve", "--store", str(tmp_path), "--allow-update"], env={"KG_SERVE_TOKEN": ""})
    assert result.exit_code == 2 and "--token" in result.output
    result = runner.invoke(main, ["serve", "--store", str(tmp_path), "--token", "x"])
    assert result.exit_code == 2 and "--allow-update" in result.output


def test_help_names_the_endpoint_and_the_safety_defaults(runner):
    result = runner.invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for text in ("/sparql", "127.0.0.1", "--timeout", "--max-rows", "--allow-update", "SERVICE"):
        assert text in result.output


def test_a_remote_store_url_is_refused_clearly(runner):
    result = runner.invoke(main, ["serve", "--store", "http://127.0.0.1:9/", "--port", "0"])
    assert result.exit_code == 2 and "store directory" in result.output

"""``--help`` in Vietnamese (the default) and English, every word from the catalogue (issue 14).

Every command's help is shown in both languages: the Vietnamese has no English word (the
checker of tests/vietnamese.py), the English is click's layout of the catalogue's English. The
decorators carry no text of their own, so the catalogue is the one place the words live.
"""

from __future__ import annotations

import click
import pytest

from clirun import invoke
from tally.cli.helpfmt import option_id
from tally.cli.main import cli
from tally.i18n import MESSAGES
from vietnamese import english_words


def commands(group: click.Group = cli, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path below ``group``, the group itself first."""
    found = [path]
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # click's own listing, as --help and completion see it
        cmd = group.get_command(ctx, name)
        assert cmd is not None, name
        if isinstance(cmd, click.Group):
            found += commands(cmd, (*path, name))
        else:
            found.append((*path, name))
    return found


COMMANDS = commands()


def command_at(path: tuple[str, ...]) -> click.Command:
    cmd: click.Command = cli
    for name in path:
        assert isinstance(cmd, click.Group)
        cmd = cmd.commands[name]
    return cmd


def help_of(*args: str, env: dict[str, str | None] | None = None) -> str:
    result = invoke(*args, "--help", env=env)
    assert result.exit_code == 0, (result.output, result.exc_info)
    return result.stdout


def without_command_names(text: str, path: tuple[str, ...]) -> str:
    """The help less the first column of its list of commands: names the user types."""
    cmd = command_at(path)
    names = set(cmd.commands) if isinstance(cmd, click.Group) else set()
    return "\n".join(
        line.removeprefix("  " + line.split()[0])
        if line.strip() and line.split()[0] in names
        else line
        for line in text.splitlines()
    )


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "tally")
def test_vietnamese_help_has_no_english(path: tuple[str, ...]) -> None:
    text = help_of(*path)
    assert text.startswith("Cách dùng: tally"), text
    assert english_words(without_command_names(text, path)) == [], text
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "[default:"):
        assert english not in text


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "tally")
def test_english_help_by_lang_option_or_environment(path: tuple[str, ...]) -> None:
    by_env = help_of(*path, env={"TALLY_LANG": "en"})
    assert by_env.startswith("Usage: tally") and "Show this message and exit." in by_env
    assert help_of(*path, "--lang", "en") == by_env if _has_lang(path) else True
    # --lang on the command line wins over the environment, as it does for the report
    if _has_lang(path):
        assert help_of(*path, "--lang", "vi", env={"TALLY_LANG": "en"}) == help_of(*path)


def _has_lang(path: tuple[str, ...]) -> bool:
    return any("--lang" in p.opts for p in command_at(path).params)


def test_english_help_is_todays() -> None:
    """The English is the text the decorators held before the catalogue took it over."""
    out = help_of("count", env={"TALLY_LANG": "en"})
    assert "Usage: tally count [OPTIONS] ELECTION" in out
    assert "  --round INTEGER RANGE          Count rounds up to N only.  [x>=1]" in out
    assert "Language of the report.  [default: (vi, or\n" in out
    top = help_of(env={"TALLY_LANG": "en"})
    assert "\n  check      Count, then check the result against the rules and the...\n" in top
    assert "  Exit codes: 0 all decided and all checks pass" in top
    minutes = help_of("minutes", env={"TALLY_LANG": "en"})
    assert "[required]" in minutes and "[default: paper]" in minutes


def test_vietnamese_words_for_clicks_own() -> None:
    out = help_of("minutes")
    assert "Cách dùng: tally minutes [TUỲ_CHỌN] ELECTION" in out
    assert "Tuỳ chọn:" in out and "[bắt buộc]" in out and "[mặc định: paper]" in out
    assert "-o, --output ĐƯỜNG_DẪN" in out
    top = help_of()
    assert "Lệnh:" in top and "LỆNH [THAM_SỐ]..." in top and "Mã thoát: 0" in top


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "tally")
def test_every_word_is_in_the_catalogue_not_the_decorators(path: tuple[str, ...]) -> None:
    cmd = command_at(path)
    cid = "help." + (".".join(path) or "tally")
    assert cid in MESSAGES
    assert cmd.help is None and cmd.epilog is None  # no second copy of the words
    for param in cmd.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert option_id(cid, param) in MESSAGES, (cid, param.opts)
            if param.name != "version":  # click's own option: its help is click's, unused
                assert param.help is None, (cid, param.opts)


def test_every_help_id_names_a_command_or_an_option() -> None:
    """No catalogue text of a command or option that no longer exists."""
    used = {"help.tally.epilog", "help.opt.lang.default", "help.opt.help", "help.opt.version"}
    for path in COMMANDS:
        cid = "help." + (".".join(path) or "tally")
        used.add(cid)
        for param in command_at(path).params:
            if isinstance(param, click.Option):
                used.add(option_id(cid, param))
    ids = {m for m in MESSAGES if m.startswith("help.") and not m.startswith("help.click.")}
    assert ids - used == set()

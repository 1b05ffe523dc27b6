"""``--help`` in the language of the command line, its words taken from the catalogue.

The commands' decorators carry no text: when help is shown, each text is looked up by the
command's path (``help.count``, ``help.rules.show``), each option's by its long name
(``help.count.opt.format``, or ``help.opt.lang`` for the options every command shares), and
click's own words (``Usage:``, ``Options``, ``[default: …]``) by ``help.click.*``. The lookup
happens at format time, when ``--lang`` and ``$TALLY_LANG`` are known (see
:func:`tally.cli.base.lang_from_args`). The ids are in ``tally/helptext.py``.
"""

from __future__ import annotations

import os
from typing import Any

import click

from tally.i18n import MESSAGES, msg
from tally.kinds import Lang


def env_lang() -> Lang:
    """$TALLY_LANG when it names a language, else Vietnamese."""
    value = os.environ.get("TALLY_LANG", "vi")
    return "en" if value == "en" else "vi"


def help_lang(ctx: click.Context) -> Lang:
    """The language of the command line being helped: ``--lang``, else $TALLY_LANG, else vi."""
    obj = ctx.find_root().obj
    lang = obj.get("lang") if isinstance(obj, dict) else None
    if lang in ("vi", "en"):
        return "en" if lang == "en" else "vi"
    return env_lang()


def command_id(ctx: click.Context) -> str:
    """``help.tally`` for the group, ``help.count``, ``help.rules.show`` for its commands."""
    names: list[str] = []
    node: click.Context | None = ctx
    while node is not None and node.parent is not None:
        names.append(node.command.name or "")
        node = node.parent
    return "help." + (".".join(reversed(names)) or "tally")


def option_id(command: str, param: click.Parameter) -> str:
    """The id of an option's help: the command's own, else the one every command shares."""
    name = max(param.opts, key=len).lstrip("-")
    own = f"{command}.opt.{name}"
    return own if own in MESSAGES else f"help.opt.{name}"


def word(id: str, lang: Lang, **params: Any) -> str:
    return msg(id, **params).text(lang)


class TranslatedHelp(click.Command):
    """A command whose help is worded from the catalogue in the chosen language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's layout, the usage line worded too (no arguments section: no argument has a
        help text). A usage error keeps click's usage line: the error under it is click's."""
        lang = help_lang(ctx)
        own = {
            "[OPTIONS]": word("help.click.options_metavar", lang),
            "COMMAND [ARGS]...": word("help.click.command_metavar", lang),
        }
        pieces = [own.get(piece, piece) for piece in self.collect_usage_pieces(ctx)]
        prefix = word("help.click.usage", lang) + " "
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)
        self.format_help_text(ctx, formatter)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = word(command_id(ctx), help_lang(ctx))
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_lang(ctx)
        rows = [
            row
            for param in self.get_params(ctx)
            if isinstance(param, click.Option)
            and (row := self.option_record(ctx, param, lang)) is not None
        ]
        if rows:
            with formatter.section(word("help.click.options", lang)):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def option_record(
        self, ctx: click.Context, param: click.Option, lang: Lang
    ) -> tuple[str, str] | None:
        """The option's two columns: click's left one (its spellings and metavar), and its
        help from the catalogue with click's bracketed extras (default, range, required)
        worded in ``lang``."""
        record = param.get_help_record(ctx)
        if record is None:
            return None
        spec, english = record
        for metavar in ("INTEGER RANGE", "INTEGER", "TEXT", "FILE", "PATH", "DIRECTORY"):
            if spec.endswith(" " + metavar):  # the placeholder of the type, not one we chose
                spec = spec.removesuffix(metavar) + word(f"help.click.metavar.{metavar}", lang)
                break
        oid = option_id(command_id(ctx), param)
        text = word(oid, lang)
        # Without a help text of its own, click's right column is only the extras: "[…]".
        extras = english[english.find("[") + 1 : -1].split("; ") if english.endswith("]") else []
        worded: list[str] = []
        for item in extras:
            if item.startswith("default: "):
                value = item.removeprefix("default: ")
                if isinstance(param.show_default, str):
                    value = "(" + word(f"{oid}.default", lang) + ")"
                worded.append(word("help.click.default", lang, default=value))
            elif item == "required":
                worded.append(word("help.click.required", lang))
            else:
                worded.append(item)  # a range such as x>=1
        return spec, f"{text}  [{'; '.join(worded)}]" if worded else text

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        epilog = command_id(ctx) + ".epilog"
        if epilog in MESSAGES:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(word(epilog, help_lang(ctx)))


class TallyCommand(TranslatedHelp):
    """Every ``tally`` command."""


class HelpGroup(TranslatedHelp, click.Group):
    """A group of commands (``tally rules``) whose listing is worded like the rest."""

    command_class = TallyCommand

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_lang(ctx)
        own = command_id(ctx)
        commands = [
            (name, cmd)
            for name in self.list_commands(ctx)
            if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden
        ]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        prefix = "help." if own == "help.tally" else own + "."
        rows = [
            # click's own shortening (the first sentence, cut at the limit), of our words
            (name, click.Command(name, help=word(prefix + name, lang)).get_short_help_str(limit))
            for name, cmd in commands
        ]
        with formatter.section(word("help.click.commands", lang)):
            formatter.write_dl(rows)


HelpGroup.group_class = HelpGroup

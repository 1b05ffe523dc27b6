"""Scanned ballots read as one more operator (``tally scan``, issue 20).

:mod:`.reader` is the image work (numpy, OpenCV, pypdfium2, Pillow: the ``scan`` extra);
:mod:`.run` reads the pages of a round and writes an ordinary entry journal;
:mod:`.review` lets a named person decide the pages set aside (``tally scan --review``), with
:mod:`.review_page` the HTML page of their rows beside the blank ballot's.
"""

"""`python -m jixiao` runs the command line."""

from jixiao.cli import app

app(prog_name="jixiao")

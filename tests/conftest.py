import os
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Derandomized by default so CI replays the same examples every run (a red CI blocks landing);
# HYPOTHESIS_RANDOM=1 explores new examples, as we do before committing.
settings.register_profile(
    "default", max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "60")), deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=not os.environ.get("HYPOTHESIS_RANDOM"),
)
settings.load_profile("default")

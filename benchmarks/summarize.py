"""Summarises benchmarks/server-cpu results: medians and pairwise ratios per round."""
import csv
import statistics
import sys


def duration_ms(text):
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * units[unit]
    raise ValueError(text)


def spread(values):
    return "median %.3f (min %.3f, max %.3f, n=%d)" % (statistics.median(values), min(values), max(values), len(values))


def main(path, ticks_per_second):
    rounds = {}
    with open(path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["round"].startswith("warmup"):
                continue
            requests = int(row["requests"])
            if requests == 0:
                sys.exit("no request completed in round %s (%s)" % (row["round"], row["kind"]))
            rounds.setdefault(row["round"], {})[row["kind"]] = {
                "cpu_us": int(row["ticks"]) * 1_000_000 / ticks_per_second / requests,
                "rps": float(row["rps"]),
                "p99": duration_ms(row["p99"]),
            }
    kinds = ["on", "off", "anchor", "on-426"]
    names = {"on": "every rule on", "off": "starter disabled", "anchor": "Spring API versioning (starter disabled)",
             "on-426": "every rule on, refused requests (426)"}
    print("per side (medians over %d rounds):" % len(rounds))
    for kind in kinds:
        values = [r[kind] for r in rounds.values() if kind in r]
        print("  %-42s CPU/request %s us, throughput %s req/s, p99 %s ms" % (
            names[kind],
            "%.1f" % statistics.median(v["cpu_us"] for v in values),
            "%.0f" % statistics.median(v["rps"] for v in values),
            "%.2f" % statistics.median(v["p99"] for v in values)))
    print("pairwise ratios per round (median, min, max):")
    for a, b, label in (("on", "off", "CPU/request, rules on / disabled"),
                        ("anchor", "off", "CPU/request, Spring API versioning / disabled"),
                        ("on-426", "on", "CPU/request, 426 / 200 (rules on)")):
        ratios = [r[a]["cpu_us"] / r[b]["cpu_us"] for r in rounds.values() if a in r and b in r]
        print("  %-48s %s" % (label, spread(ratios)))
    for metric, label in (("rps", "throughput"), ("p99", "p99 latency")):
        ratios = [r["on"][metric] / r["off"][metric] for r in rounds.values()]
        print("  %-48s %s" % (label + ", rules on / disabled", spread(ratios)))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

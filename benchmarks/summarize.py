"""Summarises benchmarks/server-cpu results.

Per series: the CPU time per request of each server (medians over the rounds), and for each
comparison with the disabled server "off" the per-round difference in microseconds and the
per-round ratio, each with a bootstrap 95% interval of its mean (10,000 resamples of the rounds,
a fixed seed). The A/A control, a second disabled server "off2", shows how far apart two
identical servers come out; the starter is also compared with the mean of the two, which
halves what one JVM's luck (its JIT's choices) weighs.
"""
import csv
import random
import statistics
import sys

RESAMPLES = 10_000


def duration_ms(text):
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * units[unit]
    raise ValueError(text)


def bootstrap(values, rng):
    """The mean of the values and a bootstrap 95% interval of it."""
    means = sorted(statistics.fmean(rng.choices(values, k=len(values))) for _ in range(RESAMPLES))
    return statistics.fmean(values), means[int(RESAMPLES * 0.025)], means[int(RESAMPLES * 0.975) - 1]


def read(path, ticks_per_second):
    rounds = {}
    with open(path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["round"].startswith("warmup"):
                continue
            requests = int(row["requests"])
            if requests == 0:
                sys.exit("no request completed in round %s (%s %s)" % (row["round"], row["server"], row["series"]))
            rounds.setdefault(row["round"], {})[(row["server"], row["series"])] = {
                "cpu_us": int(row["ticks"]) * 1_000_000 / ticks_per_second / requests,
                "rps": float(row["rps"]),
                "p99": duration_ms(row["p99"]),
            }
    return rounds


def cpu(r, key):
    """The CPU per request of one server in a round, or the mean of several."""
    if isinstance(key, list):
        return statistics.fmean(r[k]["cpu_us"] for k in key)
    return r[key]["cpu_us"]


def has(r, key):
    return all(k in r for k in key) if isinstance(key, list) else key in r


def compare(rounds, a, b, label, rng):
    pairs = [(cpu(r, a), cpu(r, b)) for r in rounds.values() if has(r, a) and has(r, b)]
    if not pairs:
        return
    differences = [x - y for x, y in pairs]
    ratios = [x / y for x, y in pairs]
    d, d_low, d_high = bootstrap(differences, rng)
    q, q_low, q_high = bootstrap(ratios, rng)
    print("  %-34s %+6.2f us [%+.2f, %+.2f]   ratio %.3f [%.3f, %.3f]   median %.3f (min %.3f, max %.3f, n=%d)" % (
        label, d, d_low, d_high, q, q_low, q_high, statistics.median(ratios), min(ratios), max(ratios), len(ratios)))
    return q_low, q_high


def main(path, ticks_per_second):
    rng = random.Random(42)
    rounds = read(path, ticks_per_second)
    series = sorted({s for r in rounds.values() for (_, s) in r if s != "rejected"}, key=["mix", "app", "pass"].index)
    print("%d rounds; CPU time per request in microseconds; mean [bootstrap 95%% interval]" % len(rounds))
    for mix in series:
        print("series %s:" % mix)
        for server in ("on", "off", "off2", "anchor"):
            values = [r[(server, mix)] for r in rounds.values() if (server, mix) in r]
            if values:
                print("  %-8s CPU/request %6.2f us (median), throughput %6.0f req/s, p99 %6.2f ms" % (
                    server, statistics.median(v["cpu_us"] for v in values),
                    statistics.median(v["rps"] for v in values), statistics.median(v["p99"] for v in values)))
        compare(rounds, ("on", mix), ("off", mix), "on - off (every rule on)", rng)
        compare(rounds, ("on", mix), [("off", mix), ("off2", mix)], "on - both off servers' mean", rng)
        low, high = compare(rounds, ("off2", mix), ("off", mix), "off2 - off (A/A control)", rng)
        compare(rounds, ("anchor", mix), ("off", mix), "anchor - off (Spring API versioning)", rng)
        width = max(1 - low, high - 1)
        print("  the A/A interval reaches %.1f%% from 1: %s" % (
            width * 100, "a 1% effect is measurable" if width <= 0.01 else "a 1% effect is not measurable in this run"))
    refused = [r[("refused", "rejected")] for r in rounds.values() if ("refused", "rejected") in r]
    if refused:
        print("series rejected (every request refused, its own server):")
        print("  refused  CPU/request %6.2f us (median), throughput %6.0f req/s" % (
            statistics.median(v["cpu_us"] for v in refused), statistics.median(v["rps"] for v in refused)))
        if series:
            compare(rounds, ("refused", "rejected"), ("on", series[0]), "a 426 - a %s 200 (rules on)" % series[0], rng)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

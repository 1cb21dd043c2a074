"""Summarises the method samples of benchmarks/profile (the text of `jfr print --events
jdk.ExecutionSample`): the share of samples with a starter frame anywhere on the stack, the
starter's methods by the samples they are on (inclusive) and on top of (self), and the hottest
methods overall by self samples.
"""
import collections
import re
import sys

STARTER = "io.github.upgraderequired."
SAMPLE_APP = "io.github.upgraderequired.sample."
FRAME = re.compile(r"^\s+(\S+?)\((.*?)\)(?:\s+line:\s*\d+)?")


def method(frame):
    return frame.split("(", 1)[0]


def samples(path):
    stack = None
    with open(path) as f:
        for line in f:
            if line.strip() == "stackTrace = [":
                stack = []
            elif stack is not None:
                if line.strip() == "]":
                    yield stack
                    stack = None
                else:
                    match = FRAME.match(line)
                    if match:
                        stack.append(match.group(1))


def is_starter(name):
    return name.startswith(STARTER) and not name.startswith(SAMPLE_APP)


def main(path, top=25):
    total = 0
    with_starter = 0
    inclusive = collections.Counter()
    self_starter = collections.Counter()
    self_all = collections.Counter()
    for stack in samples(path):
        total += 1
        if stack:
            self_all[stack[0]] += 1
        starter = {name for name in stack if is_starter(name)}
        if starter:
            with_starter += 1
            inclusive.update(starter)
            # The time spent under the starter's innermost frame, whoever's code runs there.
            innermost = next(name for name in stack if is_starter(name))
            self_starter[innermost] += 1
    if total == 0:
        sys.exit("no samples in " + path)
    print("samples: %d; with a starter frame on the stack: %d (%.2f%%)" % (total, with_starter, 100 * with_starter / total))
    print("starter methods by samples on the stack (inclusive):")
    for name, count in inclusive.most_common(top):
        print("  %6.2f%%  %s" % (100 * count / total, name))
    print("starter methods by samples under them and no other starter method (self, callees outside the starter included):")
    for name, count in self_starter.most_common(top):
        print("  %6.2f%%  %s" % (100 * count / total, name))
    print("hottest methods overall (self):")
    for name, count in self_all.most_common(top):
        print("  %6.2f%%  %s" % (100 * count / total, name))


if __name__ == "__main__":
    main(sys.argv[1])

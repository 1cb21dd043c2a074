package io.github.upgraderequired.test.example;

import java.util.List;
import java.util.Set;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.UpgradeRule;
import io.github.upgraderequired.core.Verdict;

/**
 * An application's own rule, as docs/testing.md shows it: the company's client sends its
 * build number in {@code X-Client-Build}, and builds before 1200 must upgrade to use the
 * API.
 */
public class ClientBuildRule implements UpgradeRule {

	private static final int MINIMUM = 1200;

	@Override
	public String name() {
		return "client-build";
	}

	@Override
	public List<String> upgrade() {
		return List.of("ExampleClient/1200");
	}

	@Override
	public Set<String> readHeaders() {
		return Set.of("X-Client-Build");
	}

	@Override
	public RuleSettings settings() {
		return RuleSettings.builder().paths(List.of("/api/**")).build();
	}

	@Override
	public Verdict check(UpgradeRequest request) {
		String build = request.header("X-Client-Build");
		if (build == null || build.isEmpty() || build.length() > 9) {
			return Verdict.unknown();
		}
		int number = 0;
		for (int i = 0; i < build.length(); i++) {
			char digit = build.charAt(i);
			if (digit < '0' || digit > '9') {
				return Verdict.unknown();
			}
			number = number * 10 + (digit - '0');
		}
		return (number < MINIMUM) ? Verdict.upgrade(String.valueOf(MINIMUM), build) : Verdict.pass();
	}

}

package io.github.upgraderequired.core.rule;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.github.upgraderequired.core.RuleSettings;
import io.github.upgraderequired.core.UpgradeRequest;
import io.github.upgraderequired.core.Verdict;
import io.github.upgraderequired.core.VersionNumber;
import org.jspecify.annotations.Nullable;

/**
 * Rejects API versions below a minimum. The version is read from the request (a header, a
 * query parameter, a path segment or a media-type parameter of {@code Accept} or
 * {@code Content-Type}) and ordered as a {@link VersionNumber} ({@code 1 < 1.2 <
 * v1.2.3}); or, where the application has API versioning of its own (Spring Framework's
 * {@code ApiVersionStrategy}), resolved and parsed the application's way, so that there
 * is one notion of "the version". Offers {@code API/<minimum>} unless configured
 * otherwise.
 */
public final class ApiVersionRule extends AbstractUpgradeRule {

	/**
	 * The rule's type.
	 */
	public static final String TYPE = "api-version";

	private static final int MAX_VERSION_LENGTH = 64;

	private final Source source;

	private final @Nullable Function<String, @Nullable Comparable<?>> parser;

	/**
	 * The minimum as a {@link VersionNumber}, compared in place with the version read,
	 * when the rule orders versions itself; {@code null} with the application's parser.
	 */
	private final @Nullable VersionNumber versionMinimum;

	/**
	 * The verdict of a refusal but for the version the request sent.
	 */
	private final Verdict refusal;

	private final RecentVerdicts recent = new RecentVerdicts();

	private final Comparable<?> minimum;

	private final String minimumText;

	/**
	 * Create a new rule.
	 * @param name the rule's name
	 * @param minimum the lowest version allowed, as written
	 * @param source where the version is read
	 * @param parser parses versions, returning {@code null} for one that does not parse;
	 * {@link VersionNumber#parse(String)} unless the application's own is used
	 * @param upgrade the tokens to offer, or an empty list for {@code API/<minimum>}
	 * @param settings where and how the rule applies
	 * @throws IllegalArgumentException if the minimum does not parse
	 */
	public ApiVersionRule(String name, String minimum, Source source,
			Function<String, @Nullable Comparable<?>> parser, List<String> upgrade, RuleSettings settings) {
		this(name, minimum, source, Objects.requireNonNull(parser, "parser must not be null"), null, upgrade,
				settings);
	}

	/**
	 * Create a new rule that orders versions as {@link VersionNumber} does.
	 * @param name the rule's name
	 * @param minimum the lowest version allowed, as written
	 * @param source where the version is read
	 * @param upgrade the tokens to offer, or an empty list for {@code API/<minimum>}
	 * @param settings where and how the rule applies
	 * @throws IllegalArgumentException if the minimum does not parse
	 */
	public ApiVersionRule(String name, String minimum, Source source, List<String> upgrade, RuleSettings settings) {
		this(name, minimum, source, null, VersionNumber.parse(minimum), upgrade, settings);
	}

	private ApiVersionRule(String name, String minimum, Source source,
			@Nullable Function<String, @Nullable Comparable<?>> parser, @Nullable VersionNumber versionMinimum,
			List<String> upgrade, RuleSettings settings) {
		super(name, TYPE, orDefault(upgrade, List.of("API/" + minimum)), settings, source.readHeaders());
		Comparable<?> parsed = (parser != null) ? parser.apply(minimum) : versionMinimum;
		if (parsed == null) {
			throw new IllegalArgumentException("the minimum API version '" + minimum + "' does not parse");
		}
		this.source = source;
		this.parser = parser;
		this.versionMinimum = versionMinimum;
		this.minimum = parsed;
		this.minimumText = minimum;
		this.refusal = Verdict.upgrade(minimum, null)
			.withDetail("This API version is no longer supported: use version " + minimum + " or newer.");
	}

	@Override
	public boolean readsApplicationApiVersion() {
		return this.source.application();
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("minimum", this.minimumText);
		details.put("source", this.source.describe());
		return details;
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Verdict check(UpgradeRequest request) {
		String value = this.source.read(request);
		if (value == null || value.length() > MAX_VERSION_LENGTH) {
			return Verdict.unknown();
		}
		if (this.versionMinimum != null) {
			int compared = VersionNumber.compare(value, this.versionMinimum);
			if (compared == VersionNumber.UNPARSABLE) {
				return Verdict.unknown();
			}
			return (compared >= 0) ? Verdict.pass() : this.recent.withCurrent(this.refusal, value);
		}
		Comparable version;
		try {
			version = this.parser.apply(value);
			if (version == null || version.compareTo(this.minimum) >= 0) {
				return (version != null) ? Verdict.pass() : Verdict.unknown();
			}
		}
		catch (RuntimeException ex) {
			// A parser of the application's that refuses the value, or versions that do
			// not compare: unparsable.
			return Verdict.unknown();
		}
		return this.recent.withCurrent(this.refusal, value);
	}

	/**
	 * Where the API version is read: the application's own versioning, or the first of the
	 * configured places that holds a value.
	 *
	 * @param application whether to use {@link UpgradeRequest#apiVersion()}
	 * @param header a request header, or {@code null}; with the application's versioning,
	 * the header it reads, named in {@code Vary}
	 * @param queryParameter a query parameter, or {@code null}
	 * @param pathSegment the index of a path segment (0 for the first), or {@code null}
	 * @param mediaTypeParameter a parameter of the {@code Accept} or
	 * {@code Content-Type} media type, or {@code null}; with the application's
	 * versioning, the one it reads, so that {@code Vary} names {@code Accept}
	 */
	public record Source(boolean application, @Nullable String header, @Nullable String queryParameter,
			@Nullable Integer pathSegment, @Nullable String mediaTypeParameter) {

		String describe() {
			if (this.application) {
				return "application";
			}
			List<String> places = new ArrayList<>();
			if (this.header != null) {
				places.add("header " + this.header);
			}
			if (this.queryParameter != null) {
				places.add("query parameter " + this.queryParameter);
			}
			if (this.pathSegment != null) {
				places.add("path segment " + this.pathSegment);
			}
			if (this.mediaTypeParameter != null) {
				places.add("media type parameter " + this.mediaTypeParameter);
			}
			return String.join(", ", places);
		}

		Set<String> readHeaders() {
			Set<String> headers = new LinkedHashSet<>();
			// With the application's versioning, the header it reads, if known.
			if (this.header != null) {
				headers.add(this.header);
			}
			if (this.mediaTypeParameter != null) {
				headers.add("Accept");
				if (!this.application) {
					headers.add("Content-Type");
				}
			}
			return headers;
		}

		@Nullable String read(UpgradeRequest request) {
			if (this.application) {
				return request.apiVersion();
			}
			String version = (this.header != null) ? request.header(this.header) : null;
			if (version == null && this.queryParameter != null) {
				version = queryParameter(request.rawQuery(), this.queryParameter);
			}
			if (version == null && this.pathSegment != null) {
				version = pathSegment(request.path(), this.pathSegment);
			}
			if (version == null && this.mediaTypeParameter != null) {
				version = mediaTypeParameter(request.header("Accept"), this.mediaTypeParameter);
				if (version == null) {
					version = mediaTypeParameter(request.header("Content-Type"), this.mediaTypeParameter);
				}
			}
			return (version != null) ? version.trim() : null;
		}

		private static @Nullable String queryParameter(@Nullable String query, String name) {
			if (query == null) {
				return null;
			}
			for (String pair : query.split("&", 64)) {
				int equals = pair.indexOf('=');
				String key = (equals < 0) ? pair : pair.substring(0, equals);
				if (key.equals(name)) {
					try {
						return (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
					}
					catch (IllegalArgumentException ex) {
						return pair.substring(equals + 1);
					}
				}
			}
			return null;
		}

		private static @Nullable String pathSegment(String path, int index) {
			int start = (path.startsWith("/")) ? 1 : 0;
			for (int segment = 0; segment < index; segment++) {
				int slash = path.indexOf('/', start);
				if (slash < 0) {
					return null;
				}
				start = slash + 1;
			}
			int end = path.indexOf('/', start);
			String value = path.substring(start, (end < 0) ? path.length() : end);
			return value.isEmpty() ? null : value;
		}

		private static @Nullable String mediaTypeParameter(@Nullable String mediaTypes, String name) {
			if (mediaTypes == null) {
				return null;
			}
			for (String mediaType : mediaTypes.split(",", 64)) {
				for (String parameter : mediaType.split(";", 16)) {
					int equals = parameter.indexOf('=');
					if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase(name)) {
						String value = parameter.substring(equals + 1).trim();
						return (value.length() > 1 && value.startsWith("\"") && value.endsWith("\""))
								? value.substring(1, value.length() - 1) : value;
					}
				}
			}
			return null;
		}

	}

}

package io.github.upgraderequired.autoconfigure;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.upgraderequired.core.Mode;
import io.github.upgraderequired.core.TrustedProxies;
import io.github.upgraderequired.core.UnknownValuePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the upgrade-required starter.
 */
@ConfigurationProperties(UpgradeRequiredProperties.PREFIX)
public class UpgradeRequiredProperties {

	/**
	 * The prefix of every property.
	 */
	public static final String PREFIX = "upgrade-required";

	/**
	 * Whether to check requests at all.
	 */
	private boolean enabled = true;

	/**
	 * Whether a rule in enforce mode that throws refuses the request instead of letting it
	 * through.
	 */
	private boolean failClosed;

	/**
	 * Path patterns no rule is evaluated for, in addition to the actuator base path and
	 * the error path, which are always excluded.
	 */
	private List<String> excludePaths = new ArrayList<>();

	/**
	 * Whether to check requests before Spring Security authenticates them: on Spring MVC
	 * with a servlet filter instead of the interceptor, on WebFlux by ordering the filter
	 * before Spring Security's.
	 */
	private boolean beforeSecurity;

	/**
	 * Order of the filter: the WebFlux filter, or the servlet filter when
	 * 'before-security' is set. Defaults to just after Spring Security's filter chain, or
	 * just before it with 'before-security'.
	 */
	private @Nullable Integer filterOrder;

	/**
	 * Proxies trusted to report the client's HTTP and TLS versions.
	 */
	private final Proxy proxy = new Proxy();

	/**
	 * The upgrade response.
	 */
	private final Response response = new Response();

	/**
	 * Putting a changed configuration in force while the application runs, with Spring
	 * Cloud.
	 */
	private final Refresh refresh = new Refresh();

	/**
	 * Rules by name, evaluated in the order written. The name is used in responses, logs
	 * and as the 'rule' metric tag. Each rule has a 'type': 'http-version', 'https',
	 * 'tls-version', 'http2', 'websocket', 'app-version', 'api-version' or 'browser', the
	 * settings every rule has ('mode', 'warn-from', 'enforce-from', 'paths', ...) and
	 * those of its type ('minimum', 'api.*', 'app.*', 'browser.*', 'https.*').
	 */
	private Map<String, Rule> rules = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isFailClosed() {
		return this.failClosed;
	}

	public void setFailClosed(boolean failClosed) {
		this.failClosed = failClosed;
	}

	public List<String> getExcludePaths() {
		return this.excludePaths;
	}

	public void setExcludePaths(List<String> excludePaths) {
		this.excludePaths = excludePaths;
	}

	public boolean isBeforeSecurity() {
		return this.beforeSecurity;
	}

	public void setBeforeSecurity(boolean beforeSecurity) {
		this.beforeSecurity = beforeSecurity;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	public @Nullable Integer getFilterOrder() {
		return this.filterOrder;
	}

	public void setFilterOrder(@Nullable Integer filterOrder) {
		this.filterOrder = filterOrder;
	}

	public Response getResponse() {
		return this.response;
	}

	public Refresh getRefresh() {
		return this.refresh;
	}

	public Map<String, Rule> getRules() {
		return this.rules;
	}

	public void setRules(Map<String, Rule> rules) {
		this.rules = rules;
	}

	/**
	 * Proxies trusted to report the client's HTTP and TLS versions. A request that one of
	 * them forwarded (with 'Forwarded' or 'X-Forwarded-*' headers) is judged by the
	 * HTTP-version, HTTP/2 and TLS-version rules only from these headers, and has an
	 * unknown version without them; a request from any other peer is judged by its own
	 * connection, whatever forwarding headers it carries.
	 */
	public static class Proxy {

		/**
		 * Addresses of trusted proxies, as CIDR ranges or single addresses. By default
		 * loopback and the private ranges, IPv6 included, as Tomcat's internal proxies.
		 */
		private List<String> trustedAddresses = new ArrayList<>(TrustedProxies.DEFAULT_TRUSTED_ADDRESSES);

		/**
		 * Request header in which trusted proxies send the client's HTTP version, such as
		 * 'HTTP/1.1' (nginx: $server_protocol).
		 */
		private @Nullable String httpVersionHeader;

		/**
		 * Request header in which trusted proxies send the client's TLS version, such as
		 * 'TLSv1.3' (nginx: $ssl_protocol).
		 */
		private @Nullable String tlsVersionHeader;

		/**
		 * Whether Reactor Netty, with 'server.forward-headers-strategy=native', applies
		 * forwarding headers only from the trusted addresses, as Tomcat's RemoteIpValve
		 * does, instead of from every peer.
		 */
		private boolean restrictNettyForwarding;

		public List<String> getTrustedAddresses() {
			return this.trustedAddresses;
		}

		public boolean isRestrictNettyForwarding() {
			return this.restrictNettyForwarding;
		}

		public void setRestrictNettyForwarding(boolean restrictNettyForwarding) {
			this.restrictNettyForwarding = restrictNettyForwarding;
		}

		public void setTrustedAddresses(List<String> trustedAddresses) {
			this.trustedAddresses = trustedAddresses;
		}

		public @Nullable String getHttpVersionHeader() {
			return this.httpVersionHeader;
		}

		public void setHttpVersionHeader(@Nullable String httpVersionHeader) {
			this.httpVersionHeader = httpVersionHeader;
		}

		public @Nullable String getTlsVersionHeader() {
			return this.tlsVersionHeader;
		}

		public void setTlsVersionHeader(@Nullable String tlsVersionHeader) {
			this.tlsVersionHeader = tlsVersionHeader;
		}

	}

	/**
	 * Putting a changed configuration in force while the application runs.
	 */
	public static class Refresh {

		/**
		 * Whether a change of these properties that Spring Cloud announces (a refresh, a
		 * Spring Cloud Bus message) is compiled and put in force without a restart. Only
		 * with Spring Cloud's context on the class path; read at start-up.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The upgrade response.
	 */
	public static class Response {

		/**
		 * The 'type' member of problem responses.
		 */
		private URI problemType = URI.create("about:blank");

		/**
		 * Location of an HTML page that replaces the built-in one, such as
		 * 'classpath:/upgrade-required.html'. Placeholders such as {{detail}} and
		 * {{upgrade}} are replaced with escaped values. A page that cannot be read, is not
		 * UTF-8, is empty or leaves a placeholder unclosed is replaced by the built-in one,
		 * with a warning at start-up.
		 */
		private @Nullable String page;

		public URI getProblemType() {
			return this.problemType;
		}

		public void setProblemType(URI problemType) {
			this.problemType = problemType;
		}

		public @Nullable String getPage() {
			return this.page;
		}

		public void setPage(@Nullable String page) {
			this.page = page;
		}

	}

	/**
	 * A rule.
	 */
	public static class Rule {

		/**
		 * Type of the rule: 'http-version', 'https', 'tls-version', 'http2', 'websocket',
		 * 'app-version', 'api-version' or 'browser'.
		 */
		private @Nullable RuleType type;

		/**
		 * Mode of the rule when it has no dates. 'off' disables it whatever its dates.
		 */
		private Mode mode = Mode.ENFORCE;

		/**
		 * Instant from which the rule warns; before it, the rule only reports.
		 */
		private @Nullable Instant warnFrom;

		/**
		 * Instant from which the rule enforces, sent as 'Sunset' while it warns.
		 */
		private @Nullable Instant enforceFrom;

		/**
		 * Instant sent as 'Deprecation' while the rule warns. Defaults to 'warn-from', or
		 * the start of the application.
		 */
		private @Nullable Instant deprecation;

		/**
		 * URL of documentation for clients, linked from the response body and, while the
		 * rule warns, from 'Link' headers.
		 */
		private @Nullable URI documentation;

		/**
		 * Path patterns the rule applies to, such as '/api/**'. Empty for every path.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * Path patterns the rule never applies to.
		 */
		private List<String> excludePaths = new ArrayList<>();

		/**
		 * Request methods the rule applies to. Empty for every method.
		 */
		private List<String> methods = new ArrayList<>();

		/**
		 * Callers the rule lets through.
		 */
		private final Exempt exempt = new Exempt();

		/**
		 * Upgrade tokens to offer, most preferred first, each
		 * protocol-name[/protocol-version]. Defaults to the rule type's own.
		 */
		private List<String> upgrade = new ArrayList<>();

		/**
		 * Status of the upgrade response, a 4xx status.
		 */
		private int status = 426;

		/**
		 * What to do with a request whose value the rule cannot read.
		 */
		private UnknownValuePolicy unknown = UnknownValuePolicy.ALLOW;

		/**
		 * Lowest version allowed. For 'http-version', an HTTP version such as '1.1'
		 * (the default) or '2'; for 'tls-version', a TLS version such as '1.2' (the
		 * default) or '1.3'; for 'app-version', the minimum of platforms that are not
		 * configured, such as '5.0.0'; for 'api-version', the lowest API version, such as
		 * '2'.
		 */
		private @Nullable String minimum;

		/**
		 * Settings of 'https' rules.
		 */
		private final Https https = new Https();

		/**
		 * Settings of 'app-version' rules.
		 */
		private final App app = new App();

		/**
		 * Settings of 'api-version' rules.
		 */
		private final Api api = new Api();

		/**
		 * Settings of 'browser' rules.
		 */
		private final Browser browser = new Browser();

		public @Nullable RuleType getType() {
			return this.type;
		}

		public void setType(@Nullable RuleType type) {
			this.type = type;
		}

		public Mode getMode() {
			return this.mode;
		}

		public void setMode(Mode mode) {
			this.mode = mode;
		}

		public @Nullable Instant getWarnFrom() {
			return this.warnFrom;
		}

		public void setWarnFrom(@Nullable Instant warnFrom) {
			this.warnFrom = warnFrom;
		}

		public @Nullable Instant getEnforceFrom() {
			return this.enforceFrom;
		}

		public void setEnforceFrom(@Nullable Instant enforceFrom) {
			this.enforceFrom = enforceFrom;
		}

		public @Nullable Instant getDeprecation() {
			return this.deprecation;
		}

		public void setDeprecation(@Nullable Instant deprecation) {
			this.deprecation = deprecation;
		}

		public @Nullable URI getDocumentation() {
			return this.documentation;
		}

		public void setDocumentation(@Nullable URI documentation) {
			this.documentation = documentation;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getExcludePaths() {
			return this.excludePaths;
		}

		public void setExcludePaths(List<String> excludePaths) {
			this.excludePaths = excludePaths;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public Exempt getExempt() {
			return this.exempt;
		}

		public List<String> getUpgrade() {
			return this.upgrade;
		}

		public void setUpgrade(List<String> upgrade) {
			this.upgrade = upgrade;
		}

		public int getStatus() {
			return this.status;
		}

		public void setStatus(int status) {
			this.status = status;
		}

		public UnknownValuePolicy getUnknown() {
			return this.unknown;
		}

		public void setUnknown(UnknownValuePolicy unknown) {
			this.unknown = unknown;
		}

		public @Nullable String getMinimum() {
			return this.minimum;
		}

		public void setMinimum(@Nullable String minimum) {
			this.minimum = minimum;
		}

		public Https getHttps() {
			return this.https;
		}

		public App getApp() {
			return this.app;
		}

		public Api getApi() {
			return this.api;
		}

		public Browser getBrowser() {
			return this.browser;
		}

	}

	/**
	 * Callers a rule lets through.
	 */
	public static class Exempt {

		/**
		 * Remote addresses, as CIDR ranges ('10.0.0.0/8', 'fd00::/8') or single
		 * addresses.
		 */
		private List<String> addresses = new ArrayList<>();

		/**
		 * A request header that exempts callers sending a given value.
		 */
		private final ExemptHeader header = new ExemptHeader();

		public List<String> getAddresses() {
			return this.addresses;
		}

		public void setAddresses(List<String> addresses) {
			this.addresses = addresses;
		}

		public ExemptHeader getHeader() {
			return this.header;
		}

	}

	/**
	 * A request header that exempts callers sending a given value.
	 */
	public static class ExemptHeader {

		/**
		 * Name of the header, such as 'X-Internal-Caller'.
		 */
		private @Nullable String name;

		/**
		 * Value of the header that exempts a caller, compared in constant time.
		 */
		private @Nullable String value;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getValue() {
			return this.value;
		}

		public void setValue(@Nullable String value) {
			this.value = value;
		}

	}

	/**
	 * Settings of 'browser' rules.
	 */
	public static class Browser {

		/**
		 * Preset of minimums: 'modern-2024' (Chrome 120, Edge 120, Firefox 121, Opera 106,
		 * Safari 17.2, Samsung Internet 25, no Internet Explorer), or 'modern' for the
		 * newest preset.
		 */
		private @Nullable String preset;

		/**
		 * Minimum version per browser family, over the preset's: chrome, edge, firefox,
		 * safari, opera, samsung-internet or internet-explorer.
		 */
		private Map<String, String> minimums = new LinkedHashMap<>();

		/**
		 * Browser families refused whatever their version, besides the preset's.
		 */
		private List<String> blocked = new ArrayList<>();

		/**
		 * Kinds of client judged besides browsers, which otherwise pass: crawlers,
		 * link-previews, audits, monitors, libraries, webviews or unknown.
		 */
		private List<String> judge = new ArrayList<>();

		public @Nullable String getPreset() {
			return this.preset;
		}

		public void setPreset(@Nullable String preset) {
			this.preset = preset;
		}

		public Map<String, String> getMinimums() {
			return this.minimums;
		}

		public void setMinimums(Map<String, String> minimums) {
			this.minimums = minimums;
		}

		public List<String> getBlocked() {
			return this.blocked;
		}

		public void setBlocked(List<String> blocked) {
			this.blocked = blocked;
		}

		public List<String> getJudge() {
			return this.judge;
		}

		public void setJudge(List<String> judge) {
			this.judge = judge;
		}

	}

	/**
	 * Settings of 'api-version' rules. Without any of 'header', 'query-parameter',
	 * 'path-segment' and 'media-type-parameter', the version is read from the
	 * 'API-Version' header.
	 */
	public static class Api {

		/**
		 * Whether to resolve and parse the version with the application's own API
		 * versioning (spring.mvc.apiversion.* or spring.webflux.apiversion.*). Defaults to
		 * whether it is configured.
		 */
		private @Nullable Boolean useApplicationVersioning;

		/**
		 * Request header holding the version.
		 */
		private @Nullable String header;

		/**
		 * Query parameter holding the version.
		 */
		private @Nullable String queryParameter;

		/**
		 * Index of the path segment holding the version, 0 for the first ('/v2/...').
		 */
		private @Nullable Integer pathSegment;

		/**
		 * Parameter of the Accept or Content-Type media type holding the version, such as
		 * 'v' in 'application/vnd.example+json;v=2'.
		 */
		private @Nullable String mediaTypeParameter;

		public @Nullable Boolean getUseApplicationVersioning() {
			return this.useApplicationVersioning;
		}

		public void setUseApplicationVersioning(@Nullable Boolean useApplicationVersioning) {
			this.useApplicationVersioning = useApplicationVersioning;
		}

		public @Nullable String getHeader() {
			return this.header;
		}

		public void setHeader(@Nullable String header) {
			this.header = header;
		}

		public @Nullable String getQueryParameter() {
			return this.queryParameter;
		}

		public void setQueryParameter(@Nullable String queryParameter) {
			this.queryParameter = queryParameter;
		}

		public @Nullable Integer getPathSegment() {
			return this.pathSegment;
		}

		public void setPathSegment(@Nullable Integer pathSegment) {
			this.pathSegment = pathSegment;
		}

		public @Nullable String getMediaTypeParameter() {
			return this.mediaTypeParameter;
		}

		public void setMediaTypeParameter(@Nullable String mediaTypeParameter) {
			this.mediaTypeParameter = mediaTypeParameter;
		}

	}

	/**
	 * Settings of 'app-version' rules.
	 */
	public static class App {

		/**
		 * Product named in the Upgrade token, such as 'ExampleApp' in 'ExampleApp/5.2.0'.
		 * Defaults to the rule's name.
		 */
		private @Nullable String product;

		/**
		 * Request header holding the app's platform.
		 */
		private String platformHeader = "X-App-Platform";

		/**
		 * Request header holding the app's version.
		 */
		private String versionHeader = "X-App-Version";

		/**
		 * Pattern matched against the User-Agent when the version header is absent, with
		 * the named group 'version' and optionally 'platform', such as
		 * 'ExampleApp/(?<version>[0-9.]+) \((?<platform>iOS|Android)'.
		 */
		private @Nullable String userAgentPattern;

		/**
		 * Requirements per platform, by case-insensitive name such as 'ios' or
		 * 'android'.
		 */
		private Map<String, AppPlatform> platforms = new LinkedHashMap<>();

		/**
		 * What to do with a platform that is not configured, when the rule has no
		 * 'minimum' of its own.
		 */
		private UnknownValuePolicy unknownPlatform = UnknownValuePolicy.ALLOW;

		public @Nullable String getProduct() {
			return this.product;
		}

		public void setProduct(@Nullable String product) {
			this.product = product;
		}

		public String getPlatformHeader() {
			return this.platformHeader;
		}

		public void setPlatformHeader(String platformHeader) {
			this.platformHeader = platformHeader;
		}

		public String getVersionHeader() {
			return this.versionHeader;
		}

		public void setVersionHeader(String versionHeader) {
			this.versionHeader = versionHeader;
		}

		public @Nullable String getUserAgentPattern() {
			return this.userAgentPattern;
		}

		public void setUserAgentPattern(@Nullable String userAgentPattern) {
			this.userAgentPattern = userAgentPattern;
		}

		public Map<String, AppPlatform> getPlatforms() {
			return this.platforms;
		}

		public void setPlatforms(Map<String, AppPlatform> platforms) {
			this.platforms = platforms;
		}

		public UnknownValuePolicy getUnknownPlatform() {
			return this.unknownPlatform;
		}

		public void setUnknownPlatform(UnknownValuePolicy unknownPlatform) {
			this.unknownPlatform = unknownPlatform;
		}

	}

	/**
	 * Requirements of an app on one platform.
	 */
	public static class AppPlatform {

		/**
		 * Lowest version allowed on this platform, such as '5.2.0'.
		 */
		private @Nullable String minimum;

		/**
		 * Exact versions refused on this platform even though they meet the minimum.
		 */
		private List<String> blocked = new ArrayList<>();

		/**
		 * Where users get the app on this platform, such as its store page: sent as
		 * 'upgradeUrl' and in a Link header.
		 */
		private @Nullable URI storeUrl;

		public @Nullable String getMinimum() {
			return this.minimum;
		}

		public void setMinimum(@Nullable String minimum) {
			this.minimum = minimum;
		}

		public List<String> getBlocked() {
			return this.blocked;
		}

		public void setBlocked(List<String> blocked) {
			this.blocked = blocked;
		}

		public @Nullable URI getStoreUrl() {
			return this.storeUrl;
		}

		public void setStoreUrl(@Nullable URI storeUrl) {
			this.storeUrl = storeUrl;
		}

	}

	/**
	 * Settings of 'https' rules.
	 */
	public static class Https {

		/**
		 * Whether to answer GET and HEAD requests with a 308 redirect to the https URL
		 * instead of the upgrade response.
		 */
		private boolean redirect;

		/**
		 * Port of the https URL redirected to.
		 */
		private int redirectPort = 443;

		/**
		 * Hosts that may be redirected to, such as 'example.com' or '*.example.com' for
		 * every name below it. A request for any other host gets the upgrade response.
		 * Empty for any syntactically valid host.
		 */
		private List<String> redirectHosts = new ArrayList<>();

		public boolean isRedirect() {
			return this.redirect;
		}

		public void setRedirect(boolean redirect) {
			this.redirect = redirect;
		}

		public int getRedirectPort() {
			return this.redirectPort;
		}

		public void setRedirectPort(int redirectPort) {
			this.redirectPort = redirectPort;
		}

		public List<String> getRedirectHosts() {
			return this.redirectHosts;
		}

		public void setRedirectHosts(List<String> redirectHosts) {
			this.redirectHosts = redirectHosts;
		}

	}

}

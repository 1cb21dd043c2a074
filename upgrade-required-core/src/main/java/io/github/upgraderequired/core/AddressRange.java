package io.github.upgraderequired.core;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}),
 * or a single address. Only literals are accepted: nothing is ever looked up in DNS.
 * IPv4-mapped IPv6 addresses match the IPv4 ranges.
 */
public final class AddressRange {

	private final String text;

	private final byte[] network;

	private final int prefixLength;

	private AddressRange(String text, byte[] network, int prefixLength) {
		this.text = text;
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parse a range.
	 * @param cidr the range, such as {@code 192.168.0.0/16} or {@code ::1}
	 * @return the range
	 * @throws IllegalArgumentException if it is not an address literal with an optional
	 * prefix length that fits the address
	 */
	public static AddressRange parse(String cidr) {
		String value = cidr.trim();
		int slash = value.indexOf('/');
		String address = (slash < 0) ? value : value.substring(0, slash);
		byte[] bytes = parseAddress(address);
		if (bytes == null) {
			throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 or IPv6 address literal");
		}
		int bits = bytes.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			String length = value.substring(slash + 1);
			if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
				throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length after '/'");
			}
			prefix = Integer.parseInt(length);
			if (prefix > bits) {
				throw new IllegalArgumentException(
						"'" + cidr + "' has a prefix length above " + bits + ", the size of the address");
			}
		}
		return new AddressRange(value, bytes, prefix);
	}

	/**
	 * Return whether an address lies in this range.
	 * @param address an address literal as servers report it, may be {@code null}
	 * @return {@code true} if it is a valid literal inside the range
	 */
	public boolean contains(@Nullable String address) {
		if (address == null) {
			return false;
		}
		byte[] candidate = parseAddress(address);
		return candidate != null && contains(candidate);
	}

	/**
	 * Return whether a parsed address lies in this range.
	 * @param address the address's 4 or 16 bytes
	 * @return {@code true} if it is inside the range
	 */
	boolean contains(byte[] address) {
		byte[] candidate = address;
		if (candidate.length == 16 && this.network.length == 4 && isIpv4Mapped(candidate)) {
			byte[] ipv4 = new byte[4];
			System.arraycopy(candidate, 12, ipv4, 0, 4);
			candidate = ipv4;
		}
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	/**
	 * Return the address an IPv4 or IPv6 literal stands for, never looking anything up.
	 * @param literal the literal, IPv6 in brackets or not
	 * @return the address, or {@code null} if it is not a literal
	 */
	public static @Nullable InetAddress literal(String literal) {
		byte[] bytes = parseAddress(literal);
		if (bytes == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return this.text;
	}

	private static boolean isIpv4Mapped(byte[] address) {
		for (int i = 0; i < 10; i++) {
			if (address[i] != 0) {
				return false;
			}
		}
		return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
	}

	static byte @Nullable [] parseAddress(String address) {
		String value = address;
		if (value.length() > 2 && value.charAt(0) == '[' && value.charAt(value.length() - 1) == ']') {
			value = value.substring(1, value.length() - 1);
		}
		if (value.isEmpty() || value.length() > 64) {
			return null;
		}
		if (value.indexOf(':') < 0) {
			return parseIpv4(value);
		}
		int zone = value.indexOf('%');
		if (zone >= 0) {
			value = value.substring(0, zone);
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
				return null;
			}
		}
		try {
			// In brackets the JDK reads an IPv6 literal or fails: it never resolves a name
			// (".1:2" without them would go to DNS).
			return InetAddress.getByName("[" + value + "]").getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static byte @Nullable [] parseIpv4(String value) {
		byte[] bytes = new byte[4];
		int octet = 0;
		int digits = 0;
		int current = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				if (digits == 3) {
					return null;
				}
				current = current * 10 + (c - '0');
				digits++;
			}
			else if (c == '.' && digits > 0 && octet < 3) {
				if (current > 255) {
					return null;
				}
				bytes[octet++] = (byte) current;
				current = 0;
				digits = 0;
			}
			else {
				return null;
			}
		}
		if (octet != 3 || digits == 0 || current > 255) {
			return null;
		}
		bytes[3] = (byte) current;
		return bytes;
	}

}

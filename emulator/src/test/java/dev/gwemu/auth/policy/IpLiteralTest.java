package dev.gwemu.auth.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** aws:SourceIp values: addresses and CIDR blocks, IPv4 and IPv6, parsed without DNS. */
class IpLiteralTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void ipv4() {
        assertArrayEquals(bytes(203, 0, 113, 9), IpLiteral.parse("203.0.113.9"));
        assertArrayEquals(bytes(0, 0, 0, 0), IpLiteral.parse("0.0.0.0"));
        assertArrayEquals(bytes(255, 255, 255, 255), IpLiteral.parse("255.255.255.255"));
    }

    @Test
    void ipv6() {
        assertArrayEquals(bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), IpLiteral.parse("2001:db8::1"));
        assertArrayEquals(new byte[16], IpLiteral.parse("::"));
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), IpLiteral.parse("::1"));
        assertArrayEquals(bytes(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), IpLiteral.parse("fe80::"));
        assertArrayEquals(bytes(0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8), IpLiteral.parse("1:2:3:4:5:6:7:8"));
        assertArrayEquals(bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0xab, 0xcd, 0, 0x0f),
                IpLiteral.parse("2001:DB8::ABCD:F"));
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 1, 2, 3), IpLiteral.parse("::10.1.2.3"));
    }

    @Test
    void ipv4MappedClientAddressesAreIpv4() {
        assertArrayEquals(bytes(10, 1, 2, 3), IpLiteral.parseClient("::ffff:10.1.2.3"));
        assertArrayEquals(bytes(10, 1, 2, 3), IpLiteral.parseClient("::ffff:a01:203"));
        assertEquals(16, IpLiteral.parse("::ffff:10.1.2.3").length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "1..2.3", "1.2.3.4.", "1234.1.1.1",
            "a.b.c.d", "localhost", "example.com", " 1.2.3.4", "１.2.3.4", "1::2::3", ":::", "12345::", ":1::",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "::g", "fe80::1%eth0", "1:2:3:4:5:6:7", "::1.2.3", "1.2.3.4::"})
    void notAddresses(String text) {
        assertNull(IpLiteral.parse(text));
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "10.1.2.3/8, 10.9.9.9, true",
            "192.0.2.0/24, 192.0.2.255, true",
            "192.0.2.0/24, 192.0.3.0, false",
            "192.0.2.128/25, 192.0.2.127, false",
            "192.0.2.128/25, 192.0.2.128, true",
            "203.0.113.9, 203.0.113.9, true",
            "203.0.113.9, 203.0.113.10, false",
            "203.0.113.9/32, 203.0.113.9, true",
            "0.0.0.0/0, 198.51.100.7, true",
            "0.0.0.0/0, ::1, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "2001:db8:0:1::/64, 2001:db8::1:ffff:ffff:ffff:ffff, true",
            "2001:db8::1, 2001:db8::1, true",
            "2001:db8::1, 2001:db8::2, false",
            "::/0, 2001:db8::1, true",
            "::/0, 10.0.0.1, false",
            "10.0.0.0/8, ::ffff:10.1.2.3, true",
    })
    void ranges(String range, String client, boolean expected) {
        assertEquals(expected, IpRange.parse(range).contains(IpLiteral.parseClient(client)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/-1", "10.0.0.0/8/8", "/8",
            "10.0.0/8", "2001:db8::/0032"})
    void notRanges(String text) {
        assertNull(IpRange.parse(text));
    }
}

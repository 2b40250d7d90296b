// Real CVE identifiers and packages with plausible scores; the versions are representative,
// not a vulnerability database. Families decide which resources a CVE can appear on.

export type Family = "deb" | "rpm" | "win" | "jar" | "npm" | "pip" | "gomod" | "nuget";
export type Severity = "INFORMATIONAL" | "LOW" | "MEDIUM" | "HIGH" | "CRITICAL" | "UNTRIAGED";

export interface CveEntry {
  id: string;
  family: Family;
  pkg: string;
  version: string;
  fixed: string; // "NotAvailable" when no fix exists
  severity: Severity;
  score: number; // CVSS v3.1 base score (0 when unscored)
  vector: string;
  epss: number;
  exploit: boolean;
  published: string; // YYYY-MM-DD
  summary: string;
}

const AV_N = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
const AV_N_DOS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H";
const AV_L = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H";
const AV_N_C = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";
const AV_N_LOW = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N";
const AV_N_MED = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N";

// One long unbroken string in a demo description, as real advisories carry: pages must wrap it.
const MINIZIP_REPRODUCER = "UEsDBBQAAAAIAP__".repeat(48) + "AAAA==";

type Row = [string, Family, string, string, string, Severity, number, string, number, boolean, string, string];

const rows: Row[] = [
  ["CVE-2024-6119", "deb", "openssl", "3.0.2-0ubuntu1.15", "3.0.2-0ubuntu1.18", "MEDIUM", 7.5, AV_N_DOS, 0.00045, false, "2024-09-03", "Applications performing certificate name checks may attempt to read an invalid memory address, causing abnormal termination."],
  ["CVE-2024-6119", "rpm", "openssl-libs", "1:3.0.8-1.amzn2023.0.12", "1:3.0.8-1.amzn2023.0.14", "MEDIUM", 7.5, AV_N_DOS, 0.00045, false, "2024-09-03", "Applications performing certificate name checks may attempt to read an invalid memory address, causing abnormal termination."],
  ["CVE-2023-4911", "deb", "libc6", "2.35-0ubuntu3.1", "2.35-0ubuntu3.4", "HIGH", 7.8, AV_L, 0.7012, true, "2023-10-03", "A buffer overflow in the GNU C Library dynamic loader's processing of GLIBC_TUNABLES (Looney Tunables) allows local privilege escalation."],
  ["CVE-2023-4911", "rpm", "glibc", "2.34-52.amzn2023.0.3", "2.34-52.amzn2023.0.6", "HIGH", 7.8, AV_L, 0.7012, true, "2023-10-03", "A buffer overflow in the GNU C Library dynamic loader's processing of GLIBC_TUNABLES (Looney Tunables) allows local privilege escalation."],
  ["CVE-2024-2961", "deb", "libc6", "2.35-0ubuntu3.6", "2.35-0ubuntu3.7", "HIGH", 7.3, AV_N, 0.0213, true, "2024-04-17", "The iconv() function in the GNU C Library may overflow the output buffer by up to 4 bytes when converting to ISO-2022-CN-EXT."],
  ["CVE-2023-38545", "deb", "curl", "7.81.0-1ubuntu1.13", "7.81.0-1ubuntu1.14", "CRITICAL", 9.8, AV_N, 0.2541, true, "2023-10-18", "A heap based buffer overflow in the SOCKS5 proxy handshake in curl and libcurl."],
  ["CVE-2023-38545", "rpm", "libcurl", "8.2.1-1.amzn2023.0.2", "8.3.0-1.amzn2023.0.1", "CRITICAL", 9.8, AV_N, 0.2541, true, "2023-10-18", "A heap based buffer overflow in the SOCKS5 proxy handshake in curl and libcurl."],
  ["CVE-2023-38546", "deb", "libcurl4", "7.81.0-1ubuntu1.13", "7.81.0-1ubuntu1.14", "LOW", 3.7, AV_N_LOW, 0.0012, false, "2023-10-18", "Cookie injection with none file in libcurl when duplicating easy handles."],
  ["CVE-2024-3094", "deb", "xz-utils", "5.6.0-0.2", "5.6.1+really5.4.5-1", "CRITICAL", 10, AV_N_C, 0.8682, true, "2024-03-29", "Malicious code was discovered in the upstream tarballs of xz, starting with version 5.6.0 (liblzma backdoor)."],
  ["CVE-2024-6387", "deb", "openssh-server", "1:8.9p1-3ubuntu0.7", "1:8.9p1-3ubuntu0.10", "HIGH", 8.1, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 0.4211, true, "2024-07-01", "A signal handler race condition in OpenSSH's server (sshd) allows unauthenticated remote code execution (regreSSHion)."],
  ["CVE-2024-6387", "rpm", "openssh-server", "8.7p1-8.amzn2023.0.10", "8.7p1-8.amzn2023.0.11", "HIGH", 8.1, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 0.4211, true, "2024-07-01", "A signal handler race condition in OpenSSH's server (sshd) allows unauthenticated remote code execution (regreSSHion)."],
  ["CVE-2023-48795", "deb", "openssh-client", "1:8.9p1-3ubuntu0.4", "1:8.9p1-3ubuntu0.6", "MEDIUM", 5.9, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N", 0.9612, true, "2023-12-18", "The SSH transport protocol with certain OpenSSH extensions allows prefix truncation attacks (Terrapin)."],
  ["CVE-2022-3602", "deb", "openssl", "3.0.2-0ubuntu1.6", "3.0.2-0ubuntu1.7", "HIGH", 7.5, AV_N_DOS, 0.1702, false, "2022-11-01", "A buffer overrun can be triggered in X.509 certificate verification, specifically in name constraint checking (punycode)."],
  ["CVE-2023-0286", "rpm", "openssl-libs", "1:1.0.2k-24.amzn2.0.6", "1:1.0.2k-24.amzn2.0.7", "HIGH", 7.4, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H", 0.0033, false, "2023-02-08", "A type confusion vulnerability relating to X.400 address processing inside an X.509 GeneralName."],
  ["CVE-2024-5535", "deb", "libssl3", "3.0.2-0ubuntu1.15", "3.0.2-0ubuntu1.17", "LOW", 9.1, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H", 0.0021, false, "2024-06-27", "Calling SSL_select_next_proto with an empty supported client protocols buffer may cause a crash or memory contents to be sent to the peer."],
  ["CVE-2022-37434", "deb", "zlib1g", "1:1.2.11.dfsg-2ubuntu9", "1:1.2.11.dfsg-2ubuntu9.1", "CRITICAL", 9.8, AV_N, 0.0177, false, "2022-08-05", "zlib has a heap-based buffer over-read or buffer overflow in inflate in inflate.c via a large gzip header extra field."],
  ["CVE-2023-45853", "rpm", "zlib", "1.2.11-33.amzn2023.0.4", "NotAvailable", "MEDIUM", 9.8, AV_N, 0.0063, false, "2023-10-14", `MiniZip in zlib has an integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_64. Reproducer (base64): ${MINIZIP_REPRODUCER}`],
  ["CVE-2023-29491", "deb", "libncurses6", "6.3-2", "6.3-2ubuntu0.1", "HIGH", 7.8, AV_L, 0.0004, false, "2023-04-14", "ncurses mishandles environment variables such as TERMINFO, leading to memory corruption in setuid applications."],
  ["CVE-2024-28085", "deb", "util-linux", "2.37.2-4ubuntu3", "2.37.2-4ubuntu3.3", "LOW", 3.3, "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", 0.0004, true, "2024-03-27", "wall in util-linux allows escape sequences to be sent to other users' terminals through argv (WallEscape)."],
  ["CVE-2023-4806", "rpm", "glibc", "2.26-63.amzn2", "2.26-64.amzn2.0.1", "MEDIUM", 5.9, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H", 0.0011, false, "2023-09-18", "A use-after-free in getaddrinfo when the NSS module implements only _nss_*_gethostbyname2_r."],
  ["CVE-2024-45490", "deb", "libexpat1", "2.4.7-1ubuntu0.3", "2.4.7-1ubuntu0.4", "MEDIUM", 9.8, AV_N, 0.0037, false, "2024-08-30", "libexpat XML_ParseBuffer does not reject a negative length."],
  ["CVE-2023-52425", "rpm", "expat", "2.5.0-1.amzn2023.0.3", "2.5.0-1.amzn2023.0.4", "MEDIUM", 7.5, AV_N_DOS, 0.0017, false, "2024-02-04", "libexpat allows a denial of service (resource consumption) because many full reparsings are required for large tokens."],
  ["CVE-2024-0727", "deb", "libssl3", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.14", "LOW", 5.5, "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", 0.0010, false, "2024-01-26", "Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash."],
  ["CVE-2023-50387", "deb", "bind9-libs", "1:9.18.18-0ubuntu0.22.04.1", "1:9.18.18-0ubuntu0.22.04.2", "HIGH", 7.5, AV_N_DOS, 0.0494, false, "2024-02-14", "DNSSEC validation in DNS protocol allows excessive CPU consumption via crafted responses (KeyTrap)."],
  ["CVE-2024-37371", "rpm", "krb5-libs", "1.21-3.amzn2023.0.3", "1.21-3.amzn2023.0.5", "MEDIUM", 9.1, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H", 0.0019, false, "2024-06-28", "In MIT Kerberos 5 GSS message token handling, an invalid length can cause invalid memory reads."],
  ["CVE-2023-7104", "deb", "libsqlite3-0", "3.37.2-2ubuntu0.1", "3.37.2-2ubuntu0.3", "MEDIUM", 7.3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L", 0.0013, false, "2023-12-29", "A heap-based buffer overflow in the sessionReadRecord function of the SQLite session extension."],
  ["CVE-2023-44487", "deb", "libnghttp2-14", "1.43.0-1build3", "1.43.0-1ubuntu0.1", "HIGH", 7.5, AV_N_DOS, 0.9445, true, "2023-10-10", "The HTTP/2 protocol allows a denial of service because request cancellation can reset many streams quickly (Rapid Reset)."],
  ["CVE-2021-3156", "rpm", "sudo", "1.8.23-10.amzn2.1", "1.8.23-10.amzn2.2", "HIGH", 7.8, AV_L, 0.9718, true, "2021-01-26", "Sudo has a heap-based buffer overflow allowing privilege escalation to root via sudoedit -s (Baron Samedit)."],
  ["CVE-2023-22809", "deb", "sudo", "1.9.9-1ubuntu2.1", "1.9.9-1ubuntu2.2", "HIGH", 7.8, AV_L, 0.0011, true, "2023-01-18", "sudoedit mishandles extra arguments passed in user-provided environment variables, allowing local privilege escalation."],
  ["CVE-2024-1086", "deb", "linux-image-aws", "6.2.0-1017-aws", "6.5.0-1017-aws", "HIGH", 7.8, AV_L, 0.0199, true, "2024-01-31", "A use-after-free in the Linux kernel's netfilter nf_tables component allows local privilege escalation."],
  ["CVE-2024-1086", "rpm", "kernel", "6.1.72-96.166.amzn2023", "6.1.75-99.163.amzn2023", "HIGH", 7.8, AV_L, 0.0199, true, "2024-01-31", "A use-after-free in the Linux kernel's netfilter nf_tables component allows local privilege escalation."],
  ["CVE-2023-0386", "deb", "linux-image-aws", "5.19.0-1025-aws", "5.19.0-1026-aws", "HIGH", 7.8, AV_L, 0.0042, true, "2023-03-22", "A flaw in the overlay file system lets an unprivileged user gain root by copying a capable file from a nosuid mount."],
  ["CVE-2022-0847", "rpm", "kernel", "5.10.96-90.460.amzn2", "5.10.102-99.473.amzn2", "HIGH", 7.8, AV_L, 0.6742, true, "2022-03-10", "Improper pipe buffer flag initialisation allows overwriting data in arbitrary read-only files (Dirty Pipe)."],
  ["CVE-2023-31484", "deb", "perl", "5.34.0-3ubuntu1.1", "5.34.0-3ubuntu1.2", "MEDIUM", 8.1, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 0.0024, false, "2023-04-29", "CPAN.pm does not verify TLS certificates when downloading distributions over HTTPS."],
  ["CVE-2023-24329", "deb", "python3.10", "3.10.6-1~22.04.2", "3.10.12-1~22.04.1", "MEDIUM", 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 0.0058, false, "2023-02-17", "The urllib.parse component allows attackers to bypass blocklisting methods by supplying a URL that starts with blank characters."],
  ["CVE-2022-1271", "rpm", "gzip", "1.10-8.amzn2023.0.1", "1.12-1.amzn2023.0.1", "HIGH", 8.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 0.0014, false, "2022-08-31", "zgrep applied on a crafted file name can overwrite arbitrary files."],
  ["CVE-2024-28182", "deb", "libnghttp2-14", "1.43.0-1ubuntu0.1", "1.43.0-1ubuntu0.2", "MEDIUM", 5.3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 0.0061, false, "2024-04-04", "nghttp2 keeps reading an unbounded number of HTTP/2 CONTINUATION frames even after a stream is reset."],
  ["CVE-2023-5678", "rpm", "openssl-libs", "1:3.0.8-1.amzn2023.0.9", "1:3.0.8-1.amzn2023.0.11", "LOW", 5.3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 0.0016, false, "2023-11-06", "Generating excessively long X9.42 DH keys or checking excessively long X9.42 DH keys may be very slow."],
  ["CVE-2023-27043", "deb", "python3.10", "3.10.12-1~22.04.3", "NotAvailable", "UNTRIAGED", 5.3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N", 0.0021, false, "2023-04-19", "The email module incorrectly parses e-mail addresses that contain a special character."],
  ["CVE-2024-47176", "deb", "cups-browsed", "2.0.0-0ubuntu1", "2.0.0-0ubuntu1.1", "HIGH", 8.3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:L/A:L", 0.8386, true, "2024-09-26", "cups-browsed binds on UDP INADDR_ANY:631 trusting any packet from any source (CUPS printing RCE chain)."],
  ["CVE-2016-2781", "deb", "coreutils", "8.32-4.1ubuntu1", "NotAvailable", "INFORMATIONAL", 6.5, "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N", 0.0004, false, "2017-02-07", "chroot in GNU coreutils, when used with --userspec, allows local users to escape to the parent session via a crafted TIOCSTI ioctl."],
  ["CVE-2022-27943", "deb", "libstdc++6", "12.3.0-1ubuntu1~22.04", "NotAvailable", "INFORMATIONAL", 5.5, "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", 0.0005, false, "2022-03-26", "libiberty/rust-demangle.c in GNU GCC has a stack exhaustion in demangle_const."],
  ["CVE-2017-11164", "deb", "libpcre3", "2:8.39-13ubuntu0.22.04.1", "NotAvailable", "INFORMATIONAL", 7.5, AV_N_DOS, 0.0067, false, "2017-07-11", "In PCRE, the OP_KETRMAX feature in match() allows stack exhaustion via a crafted regular expression."],
  ["CVE-2024-38063", "win", "KB5041160", "10.0.20348.2582", "10.0.20348.2655", "CRITICAL", 9.8, AV_N, 0.0532, false, "2024-08-13", "Windows TCP/IP remote code execution vulnerability via crafted IPv6 packets."],
  ["CVE-2024-21412", "win", "KB5034770", "10.0.20348.2227", "10.0.20348.2322", "HIGH", 8.1, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N", 0.0812, true, "2024-02-13", "Internet Shortcut Files security feature bypass vulnerability."],
  ["CVE-2023-36884", "win", "KB5028171", "10.0.20348.1787", "10.0.20348.1850", "HIGH", 8.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 0.9321, true, "2023-07-11", "Windows Search remote code execution vulnerability via crafted Office documents."],
  ["CVE-2024-30078", "win", "KB5039227", "10.0.20348.2461", "10.0.20348.2527", "HIGH", 8.8, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0.0095, false, "2024-06-11", "Windows Wi-Fi driver remote code execution vulnerability."],
  ["CVE-2021-44228", "jar", "org.apache.logging.log4j:log4j-core", "2.14.1", "2.15.0", "CRITICAL", 10, AV_N_C, 0.9447, true, "2021-12-10", "Apache Log4j2 JNDI features do not protect against attacker-controlled LDAP and other endpoints (Log4Shell)."],
  ["CVE-2021-45046", "jar", "org.apache.logging.log4j:log4j-core", "2.15.0", "2.16.0", "CRITICAL", 9, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", 0.9436, true, "2021-12-14", "The fix for CVE-2021-44228 in Apache Log4j 2.15.0 was incomplete in certain non-default configurations."],
  ["CVE-2022-22965", "jar", "org.springframework:spring-beans", "5.3.17", "5.3.18", "CRITICAL", 9.8, AV_N, 0.9745, true, "2022-04-01", "A Spring MVC or WebFlux application running on JDK 9+ may be vulnerable to remote code execution via data binding (Spring4Shell)."],
  ["CVE-2022-42889", "jar", "org.apache.commons:commons-text", "1.9", "1.10.0", "CRITICAL", 9.8, AV_N, 0.9697, true, "2022-10-13", "Apache Commons Text performs variable interpolation that can lead to remote code execution (Text4Shell)."],
  ["CVE-2020-36518", "jar", "com.fasterxml.jackson.core:jackson-databind", "2.12.6", "2.12.6.1", "HIGH", 7.5, AV_N_DOS, 0.0079, false, "2022-03-11", "jackson-databind allows a Java StackOverflow exception and denial of service via a large depth of nested objects."],
  ["CVE-2022-42003", "jar", "com.fasterxml.jackson.core:jackson-databind", "2.13.3", "2.13.4.2", "HIGH", 7.5, AV_N_DOS, 0.0057, false, "2022-10-02", "In FasterXML jackson-databind, resource exhaustion can occur because of a lack of a check in primitive value deserializers."],
  ["CVE-2022-1471", "jar", "org.yaml:snakeyaml", "1.33", "2.0", "HIGH", 8.3, "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:L", 0.8416, true, "2022-12-01", "SnakeYaml's Constructor class does not restrict types which can be instantiated during deserialization."],
  ["CVE-2024-22243", "jar", "org.springframework:spring-web", "6.0.16", "6.0.17", "HIGH", 8.1, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N", 0.0041, false, "2024-02-23", "Applications that use UriComponentsBuilder to parse an externally provided URL may be vulnerable to open redirect or SSRF."],
  ["CVE-2023-6378", "jar", "ch.qos.logback:logback-classic", "1.4.11", "1.4.12", "HIGH", 7.5, AV_N_DOS, 0.0103, false, "2023-11-29", "A serialization vulnerability in the logback receiver component allows a denial-of-service attack."],
  ["CVE-2024-38816", "jar", "org.springframework:spring-webmvc", "6.1.12", "6.1.13", "HIGH", 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 0.1542, true, "2024-09-13", "Applications serving static resources through the functional web frameworks are vulnerable to path traversal."],
  ["CVE-2021-23337", "npm", "lodash", "4.17.20", "4.17.21", "HIGH", 7.2, "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 0.0107, false, "2021-02-15", "Lodash versions prior to 4.17.21 are vulnerable to command injection via the template function."],
  ["CVE-2020-8203", "npm", "lodash", "4.17.15", "4.17.19", "HIGH", 7.4, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", 0.0199, true, "2020-07-15", "Prototype pollution attack when using _.zipObjectDeep in lodash before 4.17.20."],
  ["CVE-2022-24999", "npm", "qs", "6.5.2", "6.5.3", "HIGH", 7.5, AV_N_DOS, 0.0062, false, "2022-11-26", "qs before 6.10.3 allows attackers to cause a Node process hang via __proto__ key pollution."],
  ["CVE-2024-29041", "npm", "express", "4.18.2", "4.19.2", "MEDIUM", 6.1, AV_N_MED, 0.0013, false, "2024-03-25", "Express.js open redirect in malformed URLs handled by res.location() and res.redirect()."],
  ["CVE-2023-26136", "npm", "tough-cookie", "4.1.2", "4.1.3", "MEDIUM", 6.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N", 0.0034, false, "2023-07-01", "tough-cookie is vulnerable to prototype pollution due to improper handling of cookies in rejectPublicSuffixes=false mode."],
  ["CVE-2022-25883", "npm", "semver", "7.3.7", "7.5.2", "MEDIUM", 5.3, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 0.0020, false, "2023-06-21", "semver is vulnerable to Regular Expression Denial of Service via the function new Range."],
  ["CVE-2023-45857", "npm", "axios", "1.5.1", "1.6.0", "MEDIUM", 6.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N", 0.0011, false, "2023-11-08", "axios inadvertently reveals the confidential XSRF-TOKEN stored in cookies to any host."],
  ["CVE-2024-4068", "npm", "braces", "3.0.2", "3.0.3", "HIGH", 7.5, AV_N_DOS, 0.0008, false, "2024-05-14", "braces fails to limit the number of characters it can handle, which could lead to memory exhaustion."],
  ["CVE-2024-37890", "npm", "ws", "8.17.0", "8.17.1", "HIGH", 7.5, AV_N_DOS, 0.0245, true, "2024-06-17", "A request with a number of headers exceeding server.maxHeadersCount can crash a ws server."],
  ["CVE-2022-46175", "npm", "json5", "2.2.1", "2.2.2", "HIGH", 7.1, "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:L/A:H", 0.0022, false, "2022-12-24", "The parse method of the JSON5 library allows prototype pollution via __proto__ keys."],
  ["CVE-2021-3807", "npm", "ansi-regex", "5.0.0", "5.0.1", "HIGH", 7.5, AV_N_DOS, 0.0036, false, "2021-09-17", "ansi-regex is vulnerable to inefficient regular expression complexity."],
  ["CVE-2023-32681", "pip", "requests", "2.28.2", "2.31.0", "MEDIUM", 6.1, "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N", 0.0521, false, "2023-05-26", "Requests leaks Proxy-Authorization headers to destination servers when redirected to an HTTPS endpoint."],
  ["CVE-2024-35195", "pip", "requests", "2.31.0", "2.32.0", "MEDIUM", 5.6, "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:N", 0.0004, false, "2024-05-20", "A Requests Session that makes its first request with verify=False continues to ignore certificate verification."],
  ["CVE-2023-43804", "pip", "urllib3", "1.26.16", "1.26.17", "HIGH", 8.1, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 0.0030, false, "2023-10-04", "urllib3 does not remove the Cookie HTTP header during cross-origin redirects."],
  ["CVE-2024-37891", "pip", "urllib3", "1.26.18", "1.26.19", "MEDIUM", 4.4, "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:N/A:N", 0.0005, false, "2024-06-17", "urllib3 does not strip the Proxy-Authorization header during cross-origin redirects when using proxies."],
  ["CVE-2023-45803", "pip", "urllib3", "2.0.6", "2.0.7", "MEDIUM", 4.2, "CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:H/I:N/A:N", 0.0012, false, "2023-10-17", "urllib3 does not remove the HTTP request body when an HTTP redirect response changes the method to GET."],
  ["CVE-2024-26130", "pip", "cryptography", "41.0.7", "42.0.4", "HIGH", 7.5, AV_N_DOS, 0.0009, false, "2024-02-21", "A NULL pointer dereference in pkcs12.serialize_key_and_certificates with a mismatched certificate and key."],
  ["CVE-2023-50782", "pip", "cryptography", "41.0.7", "42.0.0", "HIGH", 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 0.0014, false, "2024-02-05", "A flaw in the RSA key exchange of the python-cryptography package may allow decryption of captured TLS messages."],
  ["CVE-2024-1135", "pip", "gunicorn", "21.2.0", "22.0.0", "HIGH", 8.2, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:L", 0.0021, false, "2024-04-16", "Gunicorn fails to properly validate Transfer-Encoding headers, leading to HTTP request smuggling."],
  ["CVE-2023-30861", "pip", "flask", "2.2.4", "2.2.5", "HIGH", 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 0.0026, false, "2023-05-02", "Flask may cache a response containing data intended for one client and send it to other clients."],
  ["CVE-2024-34064", "pip", "jinja2", "3.1.3", "3.1.4", "MEDIUM", 5.4, "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:N", 0.0005, false, "2024-05-06", "The xmlattr filter in Jinja accepts keys containing non-attribute characters, enabling XSS."],
  ["CVE-2022-42969", "pip", "py", "1.11.0", "NotAvailable", "MEDIUM", 7.5, AV_N_DOS, 0.0034, false, "2022-10-16", "The py library for Python allows remote attackers to conduct a ReDoS attack via a Subversion repository with crafted info data."],
  ["CVE-2018-20225", "pip", "pip", "23.0.1", "NotAvailable", "UNTRIAGED", 7.8, "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H", 0.0049, false, "2020-05-08", "pip's --extra-index-url option may install a higher version of a package from a public index (dependency confusion)."],
  ["CVE-2023-37920", "pip", "certifi", "2023.5.7", "2023.7.22", "CRITICAL", 9.8, AV_N, 0.0014, false, "2023-07-25", "Certifi removes e-Tugra root certificates after security issues were found in their systems."],
  ["CVE-2023-44487", "gomod", "golang.org/x/net", "v0.15.0", "v0.17.0", "HIGH", 7.5, AV_N_DOS, 0.9445, true, "2023-10-10", "The HTTP/2 protocol allows a denial of service because request cancellation can reset many streams quickly (Rapid Reset)."],
  ["CVE-2023-39325", "gomod", "golang.org/x/net", "v0.16.0", "v0.17.0", "HIGH", 7.5, AV_N_DOS, 0.0212, false, "2023-10-11", "A malicious HTTP/2 client which rapidly creates requests and immediately resets them can cause excessive server resource consumption."],
  ["CVE-2024-45337", "gomod", "golang.org/x/crypto", "v0.30.0", "v0.31.0", "CRITICAL", 9.1, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", 0.0031, false, "2024-12-12", "Misuse of ServerConfig.PublicKeyCallback may cause authorization bypass in golang.org/x/crypto/ssh."],
  ["CVE-2023-48795", "gomod", "golang.org/x/crypto", "v0.14.0", "v0.17.0", "MEDIUM", 5.9, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N", 0.9612, true, "2023-12-18", "The SSH transport protocol with certain OpenSSH extensions allows prefix truncation attacks (Terrapin)."],
  ["CVE-2022-32149", "gomod", "golang.org/x/text", "v0.3.7", "v0.3.8", "HIGH", 7.5, AV_N_DOS, 0.0026, false, "2022-10-14", "An attacker may cause a denial of service by crafting an Accept-Language header which ParseAcceptLanguage takes significant time to parse."],
  ["CVE-2024-24790", "gomod", "stdlib", "go1.21.9", "1.21.11", "CRITICAL", 9.8, AV_N, 0.0027, false, "2024-06-04", "The various Is methods (IsPrivate, IsLoopback, etc) did not work as expected for IPv4-mapped IPv6 addresses."],
  ["CVE-2023-29331", "nuget", "System.Security.Cryptography.Pkcs", "7.0.1", "7.0.2", "HIGH", 7.5, AV_N_DOS, 0.0031, false, "2023-06-14", ".NET, .NET Framework, and Visual Studio denial of service vulnerability in certificate processing."],
  ["CVE-2024-21319", "nuget", "System.IdentityModel.Tokens.Jwt", "6.32.0", "6.34.0", "MEDIUM", 6.8, "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:C/C:N/I:N/A:H", 0.0014, false, "2024-01-09", "Microsoft Identity Denial of service vulnerability through JWE tokens with excessive decompression."],
];

export const CVES: readonly CveEntry[] = rows.map(
  ([id, family, pkg, version, fixed, severity, score, vector, epss, exploit, published, summary]) =>
    ({ id, family, pkg, version, fixed, severity, score, vector, epss, exploit, published, summary }),
);

#pragma once
// Renders a MailMessage as the bytes of an RFC 5322 message with MIME (RFC 2045-2047): the
// same bytes the outbox stores and SMTP transmits. Output is 7-bit clean with CRLF line ends:
// non-ASCII header text becomes RFC 2047 encoded words (UTF-8, base64), a body that is not
// plain short-lined ASCII is quoted-printable. Boundaries and Message-IDs come from
// infra/Random.h (OpenSSL).
#include <cstdint>
#include <string>
#include <string_view>

#include "infra/mail/MailMessage.h"
#include "tessera/shared/Result.h"

namespace tessera::infra::mime {

struct Address {
    std::string displayName;  // UTF-8, may be empty
    std::string addrSpec;     // "local@domain", ASCII
};

// Parses "ada@example.org" or "Ada Lovelace <ada@example.org>" (the name may be quoted).
// Refuses line breaks, control characters, several addresses and non-ASCII addresses.
Result<Address> parseAddress(std::string_view text);

// True for a plain ASCII addr-spec: dot-atom local part (max 64) @ a host name (max 253).
bool isAddrSpec(std::string_view text);

// The header field value for an address: "Name <addr>" with the name quoted or encoded as needed,
// folded so lines stay within 78 characters; `used` is the length of "Name: " before it.
std::string formatAddress(const Address& address, std::size_t used = 0);

// An unstructured header value (RFC 5322 §2.2.1) ready to follow "Name: ": plain ASCII stays as
// it is, folded at spaces; anything else becomes RFC 2047 encoded words. `used` is the length of
// "Name: " already on the first line.
std::string encodeUnstructured(std::string_view utf8, std::size_t used);

// Quoted-printable (RFC 2045 §6.7) of text whose line breaks are CRLF; output lines <= 76.
std::string quotedPrintable(std::string_view text);

// Standard base64 (RFC 4648 §4) with padding, no line breaks.
std::string base64(std::string_view bytes);

// RFC 5322 date-time in UTC, e.g. "Fri, 15 Jan 2027 08:00:00 +0000".
std::string formatDate(std::int64_t unixSeconds);

struct RenderedMail {
    std::string envelopeFrom;  // addr-spec for MAIL FROM
    std::string envelopeTo;    // addr-spec for RCPT TO
    std::string messageId;     // "<...@...>", as written in the Message-ID field
    std::string bytes;         // the whole message, CRLF line ends, 7-bit
};

// `from` is "addr" or "Name <addr>"; `unixSeconds` goes into the Date field.
Result<RenderedMail> render(const MailMessage& message, std::string_view from, std::int64_t unixSeconds);

}  // namespace tessera::infra::mime

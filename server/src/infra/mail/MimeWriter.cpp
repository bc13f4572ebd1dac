#include "infra/mail/MimeWriter.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>

#include "infra/Random.h"

namespace tessera::infra::mime {
namespace {

constexpr std::string_view kCrlf = "\r\n";
constexpr std::size_t kLineLimit = 78;      // RFC 5322 §2.1.1: lines SHOULD be at most 78 characters
constexpr std::size_t kEncodedChunk = 39;   // bytes per RFC 2047 word: base64 52 chars, word 64 (< 75)

bool isAtext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
        case '/': case '=': case '?': case '^': case '_': case '`': case '{': case '|': case '}': case '~':
            return true;
        default:
            return false;
    }
}

bool isPrintableAscii(char c) { return c >= 0x20 && c <= 0x7e; }

bool hasControlOrBreak(std::string_view s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) return true;
    }
    return false;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

std::string hexByte(unsigned char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return {'=', digits[c >> 4], digits[c & 0x0f]};
}

// RFC 2047 "B" encoded words of at most kEncodedChunk bytes each, split between UTF-8
// characters, separated by folding whitespace.
std::string encodedWords(std::string_view utf8) {
    std::string out;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        std::size_t len = std::min(kEncodedChunk, utf8.size() - pos);
        if (pos + len < utf8.size()) {
            // Step back over continuation bytes (10xxxxxx) so a character is never split.
            std::size_t cut = len;
            while (cut > 0 && (static_cast<unsigned char>(utf8[pos + cut]) & 0xc0) == 0x80) --cut;
            if (cut > 0) len = cut;
        }
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?";
        out += base64(utf8.substr(pos, len));
        out += "?=";
        pos += len;
    }
    return out;
}

// Text with any line breaks turned into CRLF, ending with CRLF (an empty text is one empty line).
std::string normalizeBody(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 32 + 2);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            out += kCrlf;
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c == '\n') {
            out += kCrlf;
        } else {
            out += c;
        }
    }
    if (out.size() < 2 || out.compare(out.size() - 2, 2, kCrlf) != 0) out += kCrlf;
    return out;
}

// True when a CRLF-normalized body can travel as 7bit: ASCII, no control characters besides
// TAB, short lines, no trailing whitespace (which transports may strip).
bool fitsSevenBit(std::string_view body) {
    std::size_t lineStart = 0;
    while (lineStart < body.size()) {
        const std::size_t end = body.find(kCrlf, lineStart);
        const std::string_view line = body.substr(lineStart, end - lineStart);
        if (line.size() > kLineLimit) return false;
        if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return false;
        for (char c : line) {
            if (!(isPrintableAscii(c) || c == '\t')) return false;
        }
        lineStart = end + 2;
    }
    return true;
}

struct EncodedBody {
    std::string transferEncoding;
    std::string content;  // ends with CRLF
};

EncodedBody encodeBody(std::string_view text) {
    std::string body = normalizeBody(text);
    if (fitsSevenBit(body)) return {"7bit", std::move(body)};
    return {"quoted-printable", quotedPrintable(body)};
}

bool isHeaderName(std::string_view name) {
    if (name.empty() || name.size() > 76) return false;
    for (char c : name) {
        if (c < 33 || c > 126 || c == ':') return false;
    }
    return true;
}

bool isReservedHeader(std::string_view name) {
    static constexpr std::array<std::string_view, 11> reserved = {
        "From", "To", "Cc", "Bcc", "Subject", "Date", "Sender", "MIME-Version", "Return-Path", "Received",
        "Content-Length"};
    for (auto r : reserved) {
        if (iequals(name, r)) return true;
    }
    return name.size() >= 8 && iequals(name.substr(0, 8), "Content-");
}

bool isMessageId(std::string_view id) {
    if (id.size() < 5 || id.size() > 250 || id.front() != '<' || id.back() != '>') return false;
    const std::string_view inner = id.substr(1, id.size() - 2);
    const auto at = inner.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == inner.size()) return false;
    for (char c : inner) {
        if (c < 33 || c > 126 || c == '<' || c == '>') return false;
    }
    return true;
}

void header(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += ':';
    if (!value.empty()) {
        out += ' ';
        out += value;
    }
    out += kCrlf;
}

}  // namespace

bool isAddrSpec(std::string_view text) {
    if (text.size() > 254) return false;
    const auto at = text.rfind('@');
    if (at == std::string_view::npos) return false;
    const std::string_view local = text.substr(0, at);
    const std::string_view domain = text.substr(at + 1);
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
    for (std::size_t i = 0; i < local.size(); ++i) {
        const char c = local[i];
        if (c == '.') {
            if (local[i + 1] == '.') return false;
        } else if (!isAtext(c)) {
            return false;
        }
    }
    if (domain.empty() || domain.size() > 253) return false;
    std::size_t start = 0;
    while (start <= domain.size()) {
        const auto dot = domain.find('.', start);
        const std::string_view label = domain.substr(start, dot == std::string_view::npos ? domain.size() - start : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) return false;
        }
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return true;
}

Result<Address> parseAddress(std::string_view text) {
    if (hasControlOrBreak(text)) {
        return Error::invalid("invalid_address", "An email address must be one line without control characters.");
    }
    text = trim(text);
    Address address;
    if (!text.empty() && text.back() == '>') {
        const auto open = text.rfind('<');
        if (open == std::string_view::npos) return Error::invalid("invalid_address", "An email address has a '>' without '<'.");
        address.addrSpec = std::string(text.substr(open + 1, text.size() - open - 2));
        std::string_view name = trim(text.substr(0, open));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
            name = name.substr(1, name.size() - 2);
            for (std::size_t i = 0; i < name.size(); ++i) {
                if (name[i] == '\\' && i + 1 < name.size()) ++i;
                address.displayName += name[i];
            }
        } else {
            address.displayName = std::string(name);
        }
        if (address.displayName.find_first_of("<>") != std::string::npos) {
            return Error::invalid("invalid_address", "An email address has more than one '<...>' part.");
        }
    } else {
        address.addrSpec = std::string(text);
    }
    if (!isAddrSpec(address.addrSpec)) {
        return Error::invalid("invalid_address",
                              "Not a valid email address: expected name@example.org (ASCII), optionally as Name <name@example.org>.");
    }
    return address;
}

std::string formatAddress(const Address& address, std::size_t used) {
    if (address.displayName.empty()) return address.addrSpec;
    bool ascii = true, atoms = true;
    for (char c : address.displayName) {
        if (!isPrintableAscii(c)) ascii = false;
        if (!(isAtext(c) || c == ' ')) atoms = false;
    }
    std::string name;
    if (!ascii || address.displayName.find("=?") != std::string::npos) {
        name = encodedWords(address.displayName);
    } else if (atoms) {
        name = address.displayName;
    } else {
        name = "\"";
        for (char c : address.displayName) {
            if (c == '"' || c == '\\') name += '\\';
            name += c;
        }
        name += '"';
    }
    const auto lastBreak = name.rfind("\r\n");
    const std::size_t lastLine = lastBreak == std::string::npos ? used + name.size() : name.size() - lastBreak - 2;
    const bool fold = lastLine + 2 + address.addrSpec.size() + 1 > kLineLimit;
    return name + (fold ? "\r\n <" : " <") + address.addrSpec + ">";
}

std::string encodeUnstructured(std::string_view utf8, std::size_t used) {
    bool plain = utf8.find("=?") == std::string_view::npos;
    for (char c : utf8) {
        if (!isPrintableAscii(c)) {
            plain = false;
            break;
        }
    }
    if (plain) {
        // Fold at spaces so lines stay within 78 characters where the words allow it.
        std::string out;
        std::size_t lineLength = used;
        std::size_t pos = 0;
        bool first = true;
        while (pos <= utf8.size()) {
            auto space = utf8.find(' ', pos);
            if (space == std::string_view::npos) space = utf8.size();
            const std::string_view word = utf8.substr(pos, space - pos);
            if (word.size() > 900) return encodedWords(utf8);  // would break the 998 hard limit
            if (!first) {
                if (!word.empty() && lineLength + 1 + word.size() > kLineLimit && lineLength > used) {
                    out += "\r\n";
                    lineLength = 0;
                }
                out += ' ';
                ++lineLength;
            }
            out += word;
            lineLength += word.size();
            first = false;
            pos = space + 1;
        }
        return out;
    }
    return encodedWords(utf8);
}

std::string quotedPrintable(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 3 / 2);
    std::size_t lineStart = 0;
    while (lineStart <= text.size()) {
        auto end = text.find(kCrlf, lineStart);
        const bool lastLine = end == std::string_view::npos;
        if (lastLine) end = text.size();
        const std::string_view line = text.substr(lineStart, end - lineStart);
        std::size_t column = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line[i]);
            const bool lastInLine = i + 1 == line.size();
            std::string token;
            if (c == ' ' || c == '\t') {
                token = lastInLine ? hexByte(c) : std::string(1, char(c));
            } else if (c >= 33 && c <= 126 && c != '=') {
                token = std::string(1, char(c));
            } else {
                token = hexByte(c);
            }
            // Keep every line at most 76 characters including the soft break "=".
            const std::size_t limit = lastInLine ? 76 : 75;
            if (column + token.size() > limit) {
                out += "=\r\n";
                column = 0;
            }
            out += token;
            column += token.size();
        }
        if (lastLine) break;
        out += kCrlf;
        lineStart = end + 2;
    }
    return out;
}

std::string base64(std::string_view bytes) {
    static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = (std::uint32_t(std::uint8_t(bytes[i])) << 16) | (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8) |
                                std::uint32_t(std::uint8_t(bytes[i + 2]));
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += table[(v >> 6) & 63];
        out += table[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t v = std::uint32_t(std::uint8_t(bytes[i])) << 16;
        if (rest == 2) v |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += rest == 2 ? table[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string formatDate(std::int64_t unixSeconds) {
    static constexpr std::array<const char*, 7> days = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[std::size_t(tm.tm_wday) % 7],
                  tm.tm_mday, months[std::size_t(tm.tm_mon) % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buffer;
}

Result<RenderedMail> render(const MailMessage& message, std::string_view from, std::int64_t unixSeconds) {
    auto sender = parseAddress(from);
    if (!sender) {
        return Error::invalid("invalid_sender", "The sender address (mail from) is not valid: " + sender.error().message);
    }
    auto recipient = parseAddress(message.to);
    if (!recipient) {
        return Error::invalid("invalid_recipient", "The recipient address is not valid: " + recipient.error().message);
    }
    if (hasControlOrBreak(message.subject)) {
        return Error::invalid("invalid_mail_header", "The subject must be one line without control characters.");
    }

    RenderedMail mail;
    mail.envelopeFrom = sender->addrSpec;
    mail.envelopeTo = recipient->addrSpec;

    std::string extra;
    bool autoSubmitted = false;
    for (const auto& [name, value] : message.headers) {
        if (!isHeaderName(name)) {
            return Error::invalid("invalid_mail_header", "A mail header name must be 1 to 76 printable ASCII characters without ':'.");
        }
        if (isReservedHeader(name)) {
            return Error::invalid("invalid_mail_header", "The mail header " + name + " is written by the mailer and cannot be set.");
        }
        if (hasControlOrBreak(value)) {
            return Error::invalid("invalid_mail_header", "The mail header " + name + " must be one line without control characters.");
        }
        if (iequals(name, "Message-ID")) {
            if (!isMessageId(value)) {
                return Error::invalid("invalid_mail_header", "A Message-ID must look like <unique@domain>.");
            }
            mail.messageId = value;
            continue;
        }
        if (iequals(name, "Auto-Submitted")) autoSubmitted = true;
        header(extra, name, encodeUnstructured(value, name.size() + 2));
    }
    if (mail.messageId.empty()) {
        const auto at = mail.envelopeFrom.rfind('@');
        mail.messageId = "<" + random::token(18) + "@" + mail.envelopeFrom.substr(at + 1) + ">";
    }

    std::string& out = mail.bytes;
    header(out, "From", formatAddress(*sender, 6));
    header(out, "To", formatAddress(*recipient, 4));
    header(out, "Subject", encodeUnstructured(message.subject, 9));
    header(out, "Date", formatDate(unixSeconds));
    header(out, "Message-ID", mail.messageId);
    // RFC 3834: machine-sent mail, so auto-responders stay quiet.
    if (!autoSubmitted) header(out, "Auto-Submitted", "auto-generated");
    out += extra;
    header(out, "MIME-Version", "1.0");

    const EncodedBody text = encodeBody(message.textBody);
    if (!message.htmlBody) {
        header(out, "Content-Type", "text/plain; charset=utf-8");
        header(out, "Content-Transfer-Encoding", text.transferEncoding);
        out += kCrlf;
        out += text.content;
        return mail;
    }

    const EncodedBody html = encodeBody(*message.htmlBody);
    std::string boundary;
    do {
        // "=_" cannot occur in quoted-printable text; the random part keeps 7bit parts safe.
        boundary = "=_tessera_" + random::token(18);
    } while (text.content.find(boundary) != std::string::npos || html.content.find(boundary) != std::string::npos);

    header(out, "Content-Type", "multipart/alternative;\r\n boundary=\"" + boundary + "\"");
    out += kCrlf;
    out += "This is a multi-part message in MIME format.\r\n";
    const auto part = [&](std::string_view type, const EncodedBody& body) {
        out += "\r\n--";
        out += boundary;
        out += kCrlf;
        header(out, "Content-Type", std::string(type) + "; charset=utf-8");
        header(out, "Content-Transfer-Encoding", body.transferEncoding);
        out += kCrlf;
        // The content keeps its final CRLF; the delimiter brings its own (RFC 2046 §5.1.1).
        out += body.content;
    };
    part("text/plain", text);
    part("text/html", html);
    out += "\r\n--";
    out += boundary;
    out += "--\r\n";
    return mail;
}

}  // namespace tessera::infra::mime

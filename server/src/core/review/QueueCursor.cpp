#include "core/review/QueueCursor.h"

#include <charconv>

#include "infra/Encoding.h"

namespace tessera::core {

namespace {

Error badCursor() {
    return Error::field("after", "invalid", "The page cursor is not valid: start again from the first page.");
}

bool isIdCharacter(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

}  // namespace

std::string encodeQueueCursor(const QueueCursor& c) {
    std::string text = std::string(c.newestFirst ? "n" : "o") + "|" + std::to_string(c.submittedAt) + "|" + c.id;
    return infra::encoding::base64url(text);
}

Result<QueueCursor> decodeQueueCursor(std::string_view text, bool newestFirst) {
    if (text.empty() || text.size() > 200) return badCursor();
    auto plain = infra::encoding::unbase64url(text);
    if (!plain) return badCursor();
    const std::string& s = *plain;
    auto first = s.find('|');
    auto second = first == std::string::npos ? std::string::npos : s.find('|', first + 1);
    if (second == std::string::npos || s.substr(0, first) != (newestFirst ? "n" : "o")) return badCursor();
    QueueCursor c;
    c.newestFirst = newestFirst;
    const char* begin = s.data() + first + 1;
    const char* end = s.data() + second;
    auto [ptr, ec] = std::from_chars(begin, end, c.submittedAt);
    if (ec != std::errc() || ptr != end || c.submittedAt < 0) return badCursor();
    c.id = s.substr(second + 1);
    if (c.id.empty() || c.id.size() > 64) return badCursor();
    for (char ch : c.id)
        if (!isIdCharacter(ch)) return badCursor();
    return c;
}

}  // namespace tessera::core

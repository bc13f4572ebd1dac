#include "core/mail/MailWording.h"

namespace tessera::core::mail {

namespace {
constexpr std::string_view kHello[][2] = {{"en", "Hello"}, {"fr", "Bonjour"}, {"gd", "Halò"}};
}  // namespace

std::string greeting(std::string_view language, const std::string& name) {
    std::string_view hello = kHello[0][1];
    for (const auto& h : kHello)
        if (h[0] == language) hello = h[1];
    return std::string(hello) + (name.empty() ? "," : " " + name + ",");
}

std::string fill(std::string_view text, const std::string& key, const std::string& value) {
    std::string out(text);
    const std::string token = "{" + key + "}";
    for (auto at = out.find(token); at != std::string::npos; at = out.find(token, at + value.size()))
        out.replace(at, token.size(), value);
    return out;
}

}  // namespace tessera::core::mail

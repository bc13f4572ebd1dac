#pragma once
// The program's settings: command-line options, each with an environment variable, and the
// client credentials (given, or read from the demo-credentials.json the server writes).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "OidcClient.h"
#include "tessera/shared/Result.h"

namespace tessera::demo {

struct Options {
    std::string issuer = "http://localhost:8080";
    std::string host = "127.0.0.1";
    int port = 8081;
    std::string publicUrl;  // default http://127.0.0.1:PORT
    std::string clientId, clientSecret;
    std::string credentialsFile = "var/demo-credentials.json";
    bool help = false;

    std::string redirectUri() const { return publicUrl + "/callback"; }
    bool secureCookies() const { return publicUrl.rfind("https://", 0) == 0; }
};

// `args` without the program name; `env` looks a variable up ("" when unset). Invalid
// "bad_option" with a message that says what to change.
Result<Options> parseOptions(const std::vector<std::string>& args, const std::function<std::string(const std::string&)>& env);

std::string usage();

// The client_id and secret from the options when both are given; otherwise from the
// credentials file's service named "Demo council", read again whenever the file changes
// (the server rewrites it at each start, and may rotate the secret).
CredentialsSource credentialsSource(const Options& options);

// The "Demo council" entry of a demo-credentials.json text.
Result<ClientCredentials> credentialsFromJson(const std::string& json);

}  // namespace tessera::demo

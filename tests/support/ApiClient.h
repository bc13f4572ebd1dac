#pragma once
// A small HTTP client for integration tests, speaking to a TestServer like a browser's
// fetch would: keeps cookies, sends the CSRF token it last saw on unsafe requests.
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <map>
#include <utility>
#include <vector>
#include <string>

namespace tessera::test {

struct ApiResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-cased names; last value wins
    std::vector<std::string> setCookies;         // raw Set-Cookie values
    std::string body;
    // The body parsed as a JSON object (throws if it is not one).
    Poco::JSON::Object::Ptr json() const;
    std::string header(const std::string& name) const;
    // For problem+json answers: the "code" member, or "" when absent.
    std::string problemCode() const;
    // The codes of errors[].field == field, joined by ','.
    std::string fieldError(const std::string& field) const;
};

class ApiClient {
public:
    explicit ApiClient(int port, std::string host = "127.0.0.1");

    ApiResponse get(const std::string& path);
    ApiResponse post(const std::string& path, const std::string& jsonBody = "{}");
    ApiResponse patch(const std::string& path, const std::string& jsonBody);
    ApiResponse del(const std::string& path);
    // Full control: any method, body, content type and extra headers.
    ApiResponse request(const std::string& method, const std::string& path, const std::string& body,
                        const std::string& contentType, const std::map<std::string, std::string>& headers = {});

    // Cookie jar and CSRF token: updated from every response (Set-Cookie, and a "csrfToken"
    // member in a JSON body), sent with every request.
    std::map<std::string, std::string>& cookies() { return cookies_; }
    std::string& csrfToken() { return csrf_; }
    void forgetCookies() { cookies_.clear(); csrf_.clear(); }

private:
    int port_;
    std::string host_;
    std::map<std::string, std::string> cookies_;
    std::string csrf_;
};

// JSON building for request bodies without string concatenation mistakes:
//   json({{"email", "a@b.c"}, {"consent", true}})
std::string json(std::initializer_list<std::pair<std::string, Poco::Dynamic::Var>> members);

}  // namespace tessera::test

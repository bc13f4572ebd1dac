// The OpenAPI document (resources/api/openapi.json) against the server it describes: it is a
// valid OpenAPI 3 document whose references resolve, it lists exactly the /api/v1 routes the
// router knows (plus /healthz and /readyz), the server serves it, and what the server answers
// (status, media type, headers, members) is what the document says.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "infra/Totp.h"
#include "support/AccountBuilders.h"
#include "support/ApiClient.h"
#include "support/AuthBuilders.h"
#include "support/Paths.h"
#include "support/TestServer.h"
#include "tessera/shared/Version.h"

using namespace tessera::test;
using Poco::Dynamic::Var;
using Obj = Poco::JSON::Object::Ptr;
using Arr = Poco::JSON::Array::Ptr;

namespace {

const std::set<std::string> kMethods{"get", "put", "post", "delete", "patch", "head", "options", "trace"};

bool isObject(const Var& v) { return v.type() == typeid(Obj); }
bool isArray(const Var& v) { return v.type() == typeid(Arr); }

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string documentPath() { return resourcesDir() + "/api/openapi.json"; }

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Paths the document must describe: the REST API and the two health endpoints. Portal pages
// and other non-API routes are not part of it.
bool describedByDocument(const std::string& pattern) {
    return pattern.rfind("/api/v1/", 0) == 0 || pattern == "/healthz" || pattern == "/readyz";
}

class Document {
public:
    explicit Document(std::string text) : text_(std::move(text)) {
        Poco::JSON::Parser parser;
        root_ = parser.parse(text_).extract<Obj>();
    }
    const std::string& text() const { return text_; }
    Obj root() const { return root_; }

    // A local JSON pointer reference ("#/components/schemas/Problem"); throws if it leads nowhere.
    Var resolve(const std::string& ref) const {
        if (ref.rfind("#/", 0) != 0) throw std::runtime_error("not a local reference: " + ref);
        Var at = root_;
        std::size_t start = 2;
        while (start <= ref.size()) {
            std::size_t end = ref.find('/', start);
            if (end == std::string::npos) end = ref.size();
            std::string token = ref.substr(start, end - start);
            for (std::size_t p; (p = token.find("~1")) != std::string::npos;) token.replace(p, 2, "/");
            for (std::size_t p; (p = token.find("~0")) != std::string::npos;) token.replace(p, 2, "~");
            if (isObject(at)) {
                Obj o = at.extract<Obj>();
                if (!o->has(token)) throw std::runtime_error("unresolved reference: " + ref);
                at = o->get(token);
            } else if (isArray(at)) {
                Arr a = at.extract<Arr>();
                const auto index = static_cast<unsigned>(std::stoul(token));
                if (index >= a->size()) throw std::runtime_error("unresolved reference: " + ref);
                at = a->get(index);
            } else {
                throw std::runtime_error("unresolved reference: " + ref);
            }
            start = end + 1;
        }
        return at;
    }

    // The object a value stands for, following $ref.
    Obj deref(Var v) const {
        for (int hops = 0; hops < 10; ++hops) {
            if (!isObject(v)) throw std::runtime_error("expected an object in the document");
            Obj o = v.extract<Obj>();
            if (!o->has("$ref")) return o;
            v = resolve(o->getValue<std::string>("$ref"));
        }
        throw std::runtime_error("a $ref chain does not end");
    }

    struct Operation {
        std::string method;  // upper case, as the router has it
        std::string pattern;
        Obj operation;
    };
    std::vector<Operation> operations() const {
        std::vector<Operation> out;
        Obj paths = root_->getObject("paths");
        for (const auto& [pattern, item] : *paths) {
            for (const auto& [method, operation] : *item.extract<Obj>())
                if (kMethods.count(method)) out.push_back({upper(method), pattern, operation.extract<Obj>()});
        }
        return out;
    }
    Obj operation(const std::string& method, const std::string& pattern) const {
        Obj paths = root_->getObject("paths");
        if (!paths->has(pattern)) return nullptr;
        Obj item = paths->getObject(pattern);
        return item->has(lower(method)) ? item->getObject(lower(method)) : nullptr;
    }

private:
    std::string text_;
    Obj root_;
};

const Document& document() {
    static const Document doc(readFile(documentPath()));
    return doc;
}

void collectRefs(const Var& v, std::vector<std::string>& out) {
    if (isObject(v)) {
        for (const auto& [key, member] : *v.extract<Obj>()) {
            if (key == "$ref" && member.isString()) out.push_back(member.extract<std::string>());
            else collectRefs(member, out);
        }
    } else if (isArray(v)) {
        Arr a = v.extract<Arr>();
        for (std::size_t i = 0; i < a->size(); ++i) collectRefs(a->get(static_cast<unsigned>(i)), out);
    }
}

// A small structural check of a JSON value against a schema of the document: types, string
// enums, required members, no undocumented members, array items, nullable, allOf.
void conform(const Document& d, const Var& schemaVar, const Var& value, const std::string& where,
             std::vector<std::string>& problems) {
    Obj schema = d.deref(schemaVar);
    if (value.isEmpty()) {
        if (!schema->optValue<bool>("nullable", false)) problems.push_back(where + " is null but not nullable");
        return;
    }
    if (schema->has("allOf")) {
        Arr all = schema->getArray("allOf");
        for (std::size_t i = 0; i < all->size(); ++i) conform(d, all->get(static_cast<unsigned>(i)), value, where, problems);
    }
    const std::string type = schema->optValue<std::string>("type", "");
    if (type == "object") {
        if (!isObject(value)) return problems.push_back(where + " is not an object");
        Obj o = value.extract<Obj>();
        if (Obj properties = schema->getObject("properties")) {
            for (const auto& [key, member] : *o) {
                if (!properties->has(key)) problems.push_back(where + "." + key + " is not documented");
                else conform(d, properties->get(key), member, where + "." + key, problems);
            }
        }
        if (Arr required = schema->getArray("required")) {
            for (std::size_t i = 0; i < required->size(); ++i) {
                const std::string name = required->getElement<std::string>(static_cast<unsigned>(i));
                if (!o->has(name)) problems.push_back(where + "." + name + " is required but missing");
            }
        }
    } else if (type == "array") {
        if (!isArray(value)) return problems.push_back(where + " is not an array");
        Arr a = value.extract<Arr>();
        if (schema->has("items"))
            for (std::size_t i = 0; i < a->size(); ++i)
                conform(d, schema->get("items"), a->get(static_cast<unsigned>(i)), where + "[" + std::to_string(i) + "]",
                        problems);
    } else if (type == "string") {
        if (!value.isString()) return problems.push_back(where + " is not a string");
        if (Arr allowed = schema->getArray("enum")) {
            bool found = false;
            for (std::size_t i = 0; i < allowed->size(); ++i) {
                Var e = allowed->get(static_cast<unsigned>(i));
                found = found || (e.isString() && e.extract<std::string>() == value.extract<std::string>());
            }
            if (!found) problems.push_back(where + " = \"" + value.extract<std::string>() + "\" is not in its enum");
        }
    } else if (type == "integer") {
        if (!value.isInteger() || value.isBoolean()) problems.push_back(where + " is not an integer");
    } else if (type == "boolean") {
        if (!value.isBoolean()) problems.push_back(where + " is not a boolean");
    }
}

std::string mediaType(const std::string& contentType) {
    std::string t = contentType.substr(0, contentType.find(';'));
    t.erase(std::remove_if(t.begin(), t.end(), [](unsigned char c) { return std::isspace(c); }), t.end());
    return lower(t);
}

bool documentsHeader(const Obj& response, const std::string& name) {
    Obj headers = response->getObject("headers");
    if (!headers) return false;
    for (const auto& [key, value] : *headers) {
        (void)value;
        if (lower(key) == lower(name)) return true;
    }
    return false;
}

// The answer's status is documented for the operation, with the media type, the headers
// that matter to clients and the members the server sent.
void checkAnswer(const std::string& method, const std::string& pattern, const ApiResponse& r) {
    const Document& d = document();
    INFO(method << " " << pattern << " answered " << r.status << " " << r.header("Content-Type") << ": "
                << r.body.substr(0, 400));
    Obj operation = d.operation(method, pattern);
    REQUIRE(operation);
    Obj responses = operation->getObject("responses");
    const std::string status = std::to_string(r.status);
    REQUIRE(responses->has(status));
    Obj response = d.deref(responses->get(status));
    for (const char* header : {"Set-Cookie", "Retry-After", "ETag", "Location", "WWW-Authenticate"}) {
        if (r.header(header).empty()) continue;
        INFO("header " << header << ": " << r.header(header));
        CHECK(documentsHeader(response, header));
    }
    if (!response->has("content")) {
        CHECK(r.body.empty());
        return;
    }
    Obj content = response->getObject("content");
    const std::string type = mediaType(r.header("Content-Type"));
    REQUIRE(content->has(type));
    Obj media = content->getObject(type);
    if (!media->has("schema")) return;
    Poco::JSON::Parser parser;
    std::vector<std::string> problems;
    conform(d, media->get("schema"), parser.parse(r.body), "body", problems);
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    INFO(all);
    CHECK(problems.empty());
}

// The operation's path with every {parameter} filled in.
std::string concretePath(const std::string& pattern) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            out += "no-such-id";
            i = pattern.find('}', i);
        } else {
            out += pattern[i];
        }
    }
    return out;
}

bool hasRequestBody(const Obj& operation) { return operation->has("requestBody"); }
bool needsSession(const Obj& operation) {
    Arr security = operation->getArray("security");
    return security && security->size() > 0;
}
bool isUnsafe(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// Calls the operation with an empty JSON object as its body (when it takes one).
ApiResponse callWithEmptyInput(ApiClient& client, const Document::Operation& op) {
    const bool body = hasRequestBody(op.operation);
    return client.request(op.method, concretePath(op.pattern), body ? "{}" : "", body ? "application/json" : "");
}

}  // namespace

TEST_CASE("The OpenAPI document parses and declares OpenAPI 3", "[web][openapi]") {
    const Document& d = document();
    const std::string version = d.root()->getValue<std::string>("openapi");
    CHECK(version.rfind("3.", 0) == 0);
    Obj info = d.root()->getObject("info");
    REQUIRE(info);
    CHECK(info->getValue<std::string>("title") == "Tessera");
    CHECK(info->getValue<std::string>("version") == std::string(tessera::productVersion()));
    Arr servers = d.root()->getArray("servers");
    REQUIRE(servers);
    REQUIRE(servers->size() == 1);
    CHECK(servers->getObject(0)->getValue<std::string>("url") == "/");

    std::set<std::string> operationIds;
    for (const auto& op : d.operations()) {
        INFO(op.method << " " << op.pattern);
        CHECK(!op.operation->optValue<std::string>("summary", "").empty());
        CHECK(!op.operation->optValue<std::string>("description", "").empty());
        const std::string id = op.operation->optValue<std::string>("operationId", "");
        CHECK(!id.empty());
        CHECK(operationIds.insert(id).second);
        REQUIRE(op.operation->getArray("security"));  // explicit, even when anonymous ([])
        CHECK(op.operation->getObject("responses")->size() > 0);
    }
}

TEST_CASE("The OpenAPI document lists exactly the routes the server answers", "[web][openapi]") {
    TestServer server;
    std::set<std::pair<std::string, std::string>> routed, allRoutes;
    for (const auto& [method, pattern] : server.app().router().routes()) {
        allRoutes.insert({method, pattern});
        if (describedByDocument(pattern)) routed.insert({method, pattern});
    }
    std::set<std::pair<std::string, std::string>> documented;
    for (const auto& op : document().operations()) documented.insert({op.method, op.pattern});

    REQUIRE(routed.size() > 20);
    for (const auto& route : routed) {
        INFO("route without documentation: " << route.first << " " << route.second);
        CHECK(documented.count(route));
    }
    for (const auto& op : documented) {
        INFO("documented but not routed: " << op.first << " " << op.second);
        CHECK(allRoutes.count(op));
    }
}

TEST_CASE("The server serves the OpenAPI document at /api/v1/openapi.json", "[web][openapi]") {
    TestServer server;
    ApiClient client(server.port());
    auto r = client.get("/api/v1/openapi.json");
    REQUIRE(r.status == 200);
    CHECK(mediaType(r.header("Content-Type")) == "application/json");
    CHECK(r.header("Cache-Control") == "public, max-age=300");
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.body == document().text());
    Poco::JSON::Parser parser;
    CHECK(parser.parse(r.body).extract<Obj>()->getValue<std::string>("openapi").rfind("3.", 0) == 0);

    // Other answers keep the default.
    CHECK(client.get("/healthz").header("Cache-Control") == "no-store");
}

TEST_CASE("Every $ref in the OpenAPI document resolves", "[web][openapi]") {
    const Document& d = document();
    std::vector<std::string> refs;
    collectRefs(d.root(), refs);
    REQUIRE(refs.size() > 50);
    for (const auto& ref : refs) {
        INFO(ref);
        CHECK(ref.rfind("#/components/", 0) == 0);
        CHECK_NOTHROW(d.resolve(ref));
    }
}

TEST_CASE("Every operation documents its refusals as application/problem+json", "[web][openapi]") {
    const Document& d = document();
    const std::string problem = "#/components/schemas/Problem";
    for (const auto& op : d.operations()) {
        INFO(op.method << " " << op.pattern);
        int clientErrors = 0;
        for (const auto& [status, value] : *op.operation->getObject("responses")) {
            INFO("status " << status);
            Obj response = d.deref(value);
            CHECK(!response->optValue<std::string>("description", "").empty());
            if (status.empty() || (status[0] != '4' && status[0] != '5')) continue;
            // Every error answer is a problem: application/problem+json with the Problem schema.
            Obj content = response->getObject("content");
            REQUIRE(content);
            REQUIRE(content->has("application/problem+json"));
            Obj schema = content->getObject("application/problem+json")->getObject("schema");
            REQUIRE(schema);
            CHECK(schema->optValue<std::string>("$ref", "") == problem);
            if (status[0] == '4') ++clientErrors;
        }
        if (op.pattern != "/healthz" && op.pattern != "/readyz") CHECK(clientErrors > 0);
    }
}

TEST_CASE("What the server answers is what the OpenAPI document says", "[web][openapi]") {
    auto server = startServer("sqlite");
    const auto operations = document().operations();

    SECTION("anonymous callers") {
        for (const auto& op : operations) {
            ApiClient client(server->port());
            auto r = callWithEmptyInput(client, op);
            checkAnswer(op.method, op.pattern, r);
            if (needsSession(op.operation)) {
                CHECK(r.status == 401);
                CHECK(r.problemCode() == "sign_in_required");
            } else if (hasRequestBody(op.operation)) {
                CHECK(r.status == 400);  // every anonymous endpoint with a body needs some member
                auto wrongType = client.request(op.method, concretePath(op.pattern), "x", "text/plain");
                CHECK(wrongType.status == 415);
                checkAnswer(op.method, op.pattern, wrongType);
            } else {
                CHECK(r.status == 200);
            }
        }
    }

    SECTION("signed-in callers, with and without the CSRF token") {
        const TestAccount account = makeAccount(server->services(), activeWithTotp());
        for (const auto& op : operations) {
            ApiClient client(server->port());
            server->clock().advance(tessera::infra::totp::kStepSeconds);
            checkAnswer("POST", "/api/v1/sessions", postPassword(client, account.email, account.password));
            auto signedIn = client.post("/api/v1/sessions/second-factor",
                                        json({{"code", totpCode(account.totpSecret, server->clock())}}));
            REQUIRE(signedIn.status == 200);
            checkAnswer("POST", "/api/v1/sessions/second-factor", signedIn);

            if (needsSession(op.operation) && isUnsafe(op.method)) {
                const std::string csrf = client.csrfToken();
                client.csrfToken().clear();
                auto refused = callWithEmptyInput(client, op);
                CHECK(refused.status == 403);
                CHECK(refused.problemCode() == "csrf_failed");
                checkAnswer(op.method, op.pattern, refused);
                client.csrfToken() = csrf;
            }
            checkAnswer(op.method, op.pattern, callWithEmptyInput(client, op));
        }
    }

    SECTION("a citizen signing up, then changing the profile") {
        ApiClient client(server->port());
        const std::string email = "grace@example.org";
        auto registered = registerOverHttp(client, email);
        REQUIRE(registered.status == 201);
        checkAnswer("POST", "/api/v1/accounts", registered);
        CHECK(registered.header("Location") == "/api/v1/accounts/me");

        auto tooEarly = client.get("/api/v1/accounts/me");
        CHECK(tooEarly.problemCode() == "wrong_stage");
        checkAnswer("GET", "/api/v1/accounts/me", tooEarly);

        auto resend = client.post("/api/v1/accounts/me/email/resend");
        CHECK(resend.status == 429);
        checkAnswer("POST", "/api/v1/accounts/me/email/resend", resend);

        auto wrong = client.post("/api/v1/accounts/me/email/verify", json({{"code", "12"}}));
        CHECK(wrong.status == 400);
        checkAnswer("POST", "/api/v1/accounts/me/email/verify", wrong);
        auto verified = client.post("/api/v1/accounts/me/email/verify", json({{"code", server->lastCodeSentTo(email)}}));
        REQUIRE(verified.status == 200);
        checkAnswer("POST", "/api/v1/accounts/me/email/verify", verified);

        auto totp = client.post("/api/v1/accounts/me/2fa/totp");
        REQUIRE(totp.status == 200);
        checkAnswer("POST", "/api/v1/accounts/me/2fa/totp", totp);
        auto notStarted = client.post("/api/v1/accounts/me/2fa/email/confirm", json({{"code", "000000"}}));
        checkAnswer("POST", "/api/v1/accounts/me/2fa/email/confirm", notStarted);
        auto emailCodes = client.post("/api/v1/accounts/me/2fa/email");
        REQUIRE(emailCodes.status == 204);
        checkAnswer("POST", "/api/v1/accounts/me/2fa/email", emailCodes);
        auto enrolled =
            client.post("/api/v1/accounts/me/2fa/email/confirm", json({{"code", server->lastCodeSentTo(email)}}));
        REQUIRE(enrolled.status == 200);
        checkAnswer("POST", "/api/v1/accounts/me/2fa/email/confirm", enrolled);

        auto profile = client.get("/api/v1/accounts/me");
        REQUIRE(profile.status == 200);
        checkAnswer("GET", "/api/v1/accounts/me", profile);
        const std::string etag = profile.header("ETag");
        auto changed = client.request("PATCH", "/api/v1/accounts/me",
                                      json({{"preferredName", "Grace"}, {"sex", Var()}}), "application/merge-patch+json",
                                      {{"If-Match", etag}});
        REQUIRE(changed.status == 200);
        checkAnswer("PATCH", "/api/v1/accounts/me", changed);
        auto stale = client.request("PATCH", "/api/v1/accounts/me", json({{"preferredName", "G"}}), "application/json",
                                    {{"If-Match", etag}});
        CHECK(stale.status == 409);
        checkAnswer("PATCH", "/api/v1/accounts/me", stale);

        auto sessions = client.get("/api/v1/sessions");
        REQUIRE(sessions.status == 200);
        checkAnswer("GET", "/api/v1/sessions", sessions);
        auto terms = client.get("/api/v1/terms/current?language=gd");
        REQUIRE(terms.status == 200);
        checkAnswer("GET", "/api/v1/terms/current", terms);
        auto badLanguage = client.get("/api/v1/terms/current?language=xx");
        CHECK(badLanguage.status == 400);
        checkAnswer("GET", "/api/v1/terms/current", badLanguage);

        auto signedOut = client.del("/api/v1/sessions/current");
        CHECK(signedOut.status == 204);
        checkAnswer("DELETE", "/api/v1/sessions/current", signedOut);
        auto ended = client.get("/api/v1/sessions");
        checkAnswer("GET", "/api/v1/sessions", ended);

        ApiClient stranger(server->port());
        auto badPassword = postPassword(stranger, email, "not the password at all");
        CHECK(badPassword.status == 401);
        checkAnswer("POST", "/api/v1/sessions", badPassword);
    }
}

#pragma once
// A citizen proving who they are through the portal's forms, over a real TestServer loaded
// with the sample registers (resources/registers): the browser (PortalClient, signed in), the
// account, and the steps a test needs to get somewhere quickly (through the same forms).
// Also multipart/form-data bodies, as a browser posts a file input without JavaScript.
#include <memory>
#include <string>
#include <vector>

#include "server/web/portal/PortalClient.h"
#include "support/TestServer.h"
#include "support/VerificationWebBuilders.h"

namespace tessera::test {

// `form` with the field `name` set to `value` (a form the page rendered, with one answer changed).
FormBody withField(FormBody form, const std::string& name, const std::string& value);

struct FilePart {
    std::string field, fileName, contentType, bytes;
};

// A multipart/form-data body: the fields, then the files. Its Content-Type is
// "multipart/form-data; boundary=" + kMultipartBoundary.
inline constexpr const char* kMultipartBoundary = "----tessera-test-boundary-7MA4YWxkTrZu0gW";
std::string multipartBody(const FormBody& fields, const std::vector<FilePart>& files);

class VerifyingCitizen {
public:
    VerifyingCitizen(const std::string& backend, TestPerson person = sampleMorag(),
                     const std::string& email = "morag@example.org",
                     const std::function<void(infra::Settings&)>& tweak = {});
    // A second citizen on the same server.
    VerifyingCitizen(TestServer& server, TestPerson person, const std::string& email);

    TestServer& server() { return *server_; }
    PortalClient& browser() { return *browser_; }
    const TestAccount& account() const { return account_; }
    const TestPerson& person() const { return person_; }

    // GET `path` (remembering its CSRF token), then post `fields` to it.
    ApiResponse fill(const std::string& path, const FormBody& fields);
    // GET `path`, then post these fields and files as multipart/form-data (with its csrf).
    ApiResponse upload(const std::string& path, FormBody fields, const std::vector<FilePart>& files);

    // The identity form's fields for the person (names, date of birth in parts, sex).
    FormBody identityForm() const;
    FormBody addressForm() const;
    FormBody passportForm() const;

    // Through the forms: identity and address (LoA 1); the council tax reference (LoA 2);
    // a document_video application started with the passport entered.
    void reachLoa1();
    void reachLoa2();
    void startWithPassport();
    // The account's level as stored.
    int loa();

private:
    std::unique_ptr<TestServer> owned_;
    TestServer* server_;
    TestPerson person_;
    TestAccount account_;
    std::unique_ptr<PortalClient> browser_;
};

// Throws naming `what` unless the answer is a 303 to `location` (exactly).
const ApiResponse& expectRedirect(const ApiResponse& r, const std::string& location, const std::string& what);

}  // namespace tessera::test

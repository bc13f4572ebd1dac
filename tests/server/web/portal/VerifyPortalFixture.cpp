#include "server/web/portal/VerifyPortalFixture.h"

#include <stdexcept>

#include "support/AuthBuilders.h"
#include "support/VerificationBuilders.h"

namespace tessera::test {

FormBody withField(FormBody form, const std::string& name, const std::string& value) {
    for (auto& [n, v] : form)
        if (n == name) v = value;
    return form;
}

std::string multipartBody(const FormBody& fields, const std::vector<FilePart>& files) {
    const std::string dash = std::string("--") + kMultipartBoundary;
    std::string body;
    for (const auto& [name, value] : fields)
        body += dash + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    for (const auto& f : files)
        body += dash + "\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" + f.fileName +
                "\"\r\nContent-Type: " + f.contentType + "\r\n\r\n" + f.bytes + "\r\n";
    return body + dash + "--\r\n";
}

VerifyingCitizen::VerifyingCitizen(const std::string& backend, TestPerson person, const std::string& email,
                                   const std::function<void(infra::Settings&)>& tweak)
    : owned_(std::make_unique<TestServer>(backend,
                                          [&](infra::Settings& s) {
                                              useCheapPasswordHashing(s);
                                              if (tweak) tweak(s);
                                          })),
      server_(owned_.get()), person_(std::move(person)) {
    account_ = makeCitizen(server_->services(), person_, email);
    browser_ = std::make_unique<PortalClient>(server_->port());
    expectStatus(signInWithTotp(browser_->api(), server_->clock(), account_), 200, "citizen sign-in");
}

VerifyingCitizen::VerifyingCitizen(TestServer& server, TestPerson person, const std::string& email)
    : server_(&server), person_(std::move(person)) {
    account_ = makeCitizen(server_->services(), person_, email);
    browser_ = std::make_unique<PortalClient>(server_->port());
    expectStatus(signInWithTotp(browser_->api(), server_->clock(), account_), 200, "citizen sign-in");
}

ApiResponse VerifyingCitizen::fill(const std::string& path, const FormBody& fields) {
    expectStatus(browser_->get(path), 200, "GET " + path);
    return browser_->submit(path, fields);
}

ApiResponse VerifyingCitizen::upload(const std::string& path, FormBody fields, const std::vector<FilePart>& files) {
    expectStatus(browser_->get(path), 200, "GET " + path);
    fields.emplace_back("csrf", browser_->lastCsrf());
    return browser_->api().request("POST", path, multipartBody(fields, files),
                                   std::string("multipart/form-data; boundary=") + kMultipartBoundary);
}

namespace {

// "1984-06-12" -> the three date inputs of `field`.
void addDate(FormBody& form, const std::string& field, const std::string& iso) {
    form.emplace_back(field + "-day", iso.substr(8, 2));
    form.emplace_back(field + "-month", iso.substr(5, 2));
    form.emplace_back(field + "-year", iso.substr(0, 4));
}

}  // namespace

FormBody VerifyingCitizen::identityForm() const {
    FormBody form{{"givenNames", person_.givenNames}, {"familyName", person_.familyName}, {"sex", person_.sex}};
    addDate(form, "dateOfBirth", person_.dateOfBirth);
    return form;
}

FormBody VerifyingCitizen::addressForm() const {
    return {{"line1", person_.address.line1},
            {"line2", person_.address.line2},
            {"town", person_.address.town},
            {"postcode", person_.address.postcode}};
}

FormBody VerifyingCitizen::passportForm() const {
    FormBody form{{"documentType", "passport"},
                  {"documentNumber", person_.passportNumber},
                  {"checkDigit", person_.passportCheckDigit()},
                  {"issuingCountry", "GBR"},
                  {"givenNames", person_.givenNames},
                  {"familyName", person_.familyName}};
    addDate(form, "expiryDate", person_.documentExpiry);
    addDate(form, "dateOfBirth", person_.dateOfBirth);
    return form;
}

const ApiResponse& expectRedirect(const ApiResponse& r, const std::string& location, const std::string& what) {
    if (r.status != 303 || r.header("Location") != location)
        throw std::runtime_error(what + ": expected 303 to " + location + ", got " + std::to_string(r.status) + " to " +
                                 r.header("Location") + "\n" + r.body.substr(0, 3000));
    return r;
}

void VerifyingCitizen::reachLoa1() {
    expectRedirect(fill("/account/verify/identity", identityForm()), "/account/verify?saved=identity", "identity");
    expectRedirect(fill("/account/verify/address", addressForm()), "/account/verify?saved=address", "address");
}

void VerifyingCitizen::reachLoa2() {
    reachLoa1();
    expectRedirect(fill("/account/verify/known-fact",
                        {{"factType", "council_tax_reference"}, {"reference", person_.councilTaxReference}}),
                   "/account/verify?saved=known_fact", "known fact");
}

void VerifyingCitizen::startWithPassport() {
    expectRedirect(fill("/account/verify/documents", {{"evidence", "document_video"}}), "/account/verify/document",
                   "start");
    expectRedirect(fill("/account/verify/document", passportForm()), "/account/verify/photos", "passport");
}

int VerifyingCitizen::loa() { return storedLoa(server_->services(), account_.id); }

}  // namespace tessera::test

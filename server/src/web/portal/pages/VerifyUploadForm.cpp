#include "web/portal/pages/VerifyUploadForm.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>

#include <sstream>

namespace tessera::web::portal::verifypages {

namespace {

constexpr int kMaxParts = 20;
constexpr int kMaxFieldBytes = 4096;

// Streams each file part into memory up to the limit of its input, skipping the rest.
class LimitedFiles final : public Poco::Net::PartHandler {
public:
    explicit LimitedFiles(const std::map<std::string, std::size_t>& limits) : limits_(limits) {}

    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        std::string disposition;
        Poco::Net::NameValueCollection params;
        if (header.has("Content-Disposition"))
            Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition, params);
        const std::string name = params.get("name", "");
        auto limit = limits_.find(name);
        if (limit == limits_.end()) return;  // not one of this form's inputs: left unread (HTMLForm skips it)
        UploadedFile file;
        file.field = name;
        file.contentType = header.get("Content-Type", "");
        char buffer[65536];
        while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
            const auto got = static_cast<std::size_t>(stream.gcount());
            if (file.bytes.size() + got > limit->second) {
                file.tooLarge = true;
                file.bytes.clear();
                file.bytes.shrink_to_fit();
                break;  // HTMLForm reads past the rest of the part
            }
            file.bytes.append(buffer, got);
        }
        file.chosen = file.tooLarge || !file.bytes.empty() || !params.get("filename", "").empty();
        files.push_back(std::move(file));
    }

    std::vector<UploadedFile> files;

private:
    const std::map<std::string, std::size_t>& limits_;
};

}  // namespace

const UploadedFile* UploadForm::file(const std::string& field) const {
    for (const auto& f : files)
        if (f.field == field) return &f;
    return nullptr;
}

Result<UploadForm> readUploadForm(const Request& r, const std::map<std::string, std::size_t>& limits) {
    UploadForm out;
    if (r.mediaType() != "multipart/form-data") {
        out.fields = FormFields::fromRequest(r);
        return out;
    }
    LimitedFiles handler(limits);
    Poco::Net::HTMLForm form;
    form.setFieldLimit(kMaxParts);
    form.setValueLengthLimit(kMaxFieldBytes);
    std::istringstream body(r.body);
    try {
        form.load(r.http, body, handler);
    } catch (const Poco::Exception& e) {
        return Error::invalid("malformed_form", "The form could not be read: " + e.message());
    }
    // The text fields as one urlencoded form, so every page reads posted values the same way.
    std::string encoded;
    for (const auto& [name, value] : form) encoded += formEncode(name) + "=" + formEncode(value) + "&";
    out.fields = FormFields::parse(encoded);
    out.files = std::move(handler.files);
    return out;
}

}  // namespace tessera::web::portal::verifypages

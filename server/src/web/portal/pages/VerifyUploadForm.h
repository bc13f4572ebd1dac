#pragma once
// A form that uploads files (multipart/form-data, so it works without JavaScript): its text
// fields, for the CSRF check and the return path, and its files. Each file is read into memory
// only up to its own limit: past it, the rest is skipped and the file marked too large, so a
// page never holds more than the limits it set (the route's body limit bounds the whole post).
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "tessera/shared/Result.h"
#include "web/Request.h"
#include "web/portal/Form.h"

namespace tessera::web::portal::verifypages {

struct UploadedFile {
    std::string field;        // the file input's name
    std::string contentType;  // as the browser declared it: not trusted (the bytes decide)
    std::string bytes;        // empty when tooLarge
    bool tooLarge = false;
    // A file input left empty still posts a part, with no file name and no bytes.
    bool chosen = false;
};

struct UploadForm {
    FormFields fields;
    std::vector<UploadedFile> files;
    // The file posted for `field` (chosen or not), or null.
    const UploadedFile* file(const std::string& field) const;
};

// Reads the request's multipart body. `limits`: the file inputs this form has and the most
// bytes each may hold; files under any other name are skipped unread. A body that is not
// multipart reads as its urlencoded fields with no files. Errors: Invalid "malformed_form"
// (a broken multipart body, too many parts).
Result<UploadForm> readUploadForm(const Request& r, const std::map<std::string, std::size_t>& limits);

}  // namespace tessera::web::portal::verifypages

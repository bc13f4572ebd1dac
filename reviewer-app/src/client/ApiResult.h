#pragma once
// The answer to a call: a value, or the Problem that kept it from coming. Errors are values.
#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>

#include <utility>
#include <variant>

#include "client/Problem.h"

namespace tessera::reviewer {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A successful HTTP answer (2xx).
struct ApiResponse {
    int status = 0;
    QByteArray body;
    QJsonDocument json;  // the body parsed, for JSON answers
    HeaderList headers;

    // A response header (case-insensitive name); empty when absent. E.g. "ETag".
    QByteArray header(const QByteArray& name) const {
        for (const auto& [key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
        return {};
    }
};

template <class T>
class ApiResult {
public:
    ApiResult(T value) : v_(std::move(value)) {}
    ApiResult(Problem problem) : v_(std::move(problem)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    const T* operator->() const { return &value(); }
    const T& operator*() const& { return value(); }

    const Problem& problem() const { return std::get<1>(v_); }

private:
    std::variant<T, Problem> v_;
};

using ApiReply = ApiResult<ApiResponse>;

}  // namespace tessera::reviewer

#include "admin/TermsVersionsModel.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace tessera::reviewer {

void TermsVersionsModel::setVersions(const QList<TermsVersion>& versions) {
    beginResetModel();
    all_ = versions;
    select();
    endResetModel();
}

void TermsVersionsModel::setLanguage(const QString& language) {
    beginResetModel();
    language_ = language;
    select();
    endResetModel();
}

void TermsVersionsModel::select() {
    shown_.clear();
    for (const auto& v : all_)
        if (language_.isEmpty() || v.language == language_) shown_.append(v);
    // Drafts first (they are what an administrator works on), then the newest version.
    std::stable_sort(shown_.begin(), shown_.end(), [](const TermsVersion& a, const TermsVersion& b) {
        if (a.isDraft() != b.isDraft()) return a.isDraft();
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.version > b.version;
    });
}

QStringList TermsVersionsModel::languages() const {
    QSet<QString> set;
    for (const auto& v : all_) set.insert(v.language);
    QStringList out(set.begin(), set.end());
    out.sort();
    return out;
}

const TermsVersion* TermsVersionsModel::versionAt(int row) const {
    return row >= 0 && row < shown_.size() ? &shown_[row] : nullptr;
}

QString TermsVersionsModel::statusText(const QString& status) {
    if (status == QLatin1String("draft")) return tr("Draft");
    if (status == QLatin1String("scheduled")) return tr("Scheduled");
    if (status == QLatin1String("in_force")) return tr("In force");
    if (status == QLatin1String("superseded")) return tr("Superseded");
    return status;
}

QString TermsVersionsModel::kindText(const QString& kind) {
    if (kind == QLatin1String("terms_of_service")) return tr("Terms of service");
    if (kind == QLatin1String("privacy_policy")) return tr("Privacy policy");
    if (kind == QLatin1String("data_collection")) return tr("Data collection");
    return kind;
}

int TermsVersionsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(shown_.size()); }

int TermsVersionsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TermsVersionsModel::data(const QModelIndex& index, int role) const {
    const TermsVersion* v = versionAt(index.row());
    if (!v || role != Qt::DisplayRole) return {};
    switch (index.column()) {
        case Kind: return kindText(v->kind);
        case Language: return v->language;
        case Version: return v->version;
        case Status: return statusText(v->status);
        case EffectiveAt:
            return v->effectiveAt.isValid() ? QLocale().toString(v->effectiveAt.toLocalTime(), QLocale::ShortFormat)
                                            : tr("Not published");
        case Title: return v->title;
        default: return {};
    }
}

QVariant TermsVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Kind: return tr("Document");
        case Language: return tr("Language");
        case Version: return tr("Version");
        case Status: return tr("Status");
        case EffectiveAt: return tr("Takes effect");
        case Title: return tr("Title");
        default: return {};
    }
}

}  // namespace tessera::reviewer

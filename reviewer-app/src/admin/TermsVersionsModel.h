#pragma once
// The terms versions for the terms page: one language at a time (or all), newest first, each
// with its status (draft, scheduled, in force, superseded) and the date it takes effect.
#include <QAbstractTableModel>
#include <QList>

#include "client/AdminTypes.h"

namespace tessera::reviewer {

class TermsVersionsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Kind, Language, Version, Status, EffectiveAt, Title, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setVersions(const QList<TermsVersion>& versions);
    // Shows only this language ("" for all).
    void setLanguage(const QString& language);
    QString language() const { return language_; }
    // Every language among the versions, sorted.
    QStringList languages() const;
    const TermsVersion* versionAt(int row) const;

    // The status as a person reads it.
    static QString statusText(const QString& status);
    static QString kindText(const QString& kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void select();

    QList<TermsVersion> all_;
    QList<TermsVersion> shown_;
    QString language_;
};

}  // namespace tessera::reviewer

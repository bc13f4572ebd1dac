#pragma once
// The connected services as a table for the services page: name, client id, redirect URIs and
// whether it is active or disabled. Rows are the server's answers; nothing is kept elsewhere.
#include <QAbstractTableModel>
#include <QList>

#include "client/AdminTypes.h"

namespace tessera::reviewer {

class ServicesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, ClientId, RedirectUris, State, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setServices(const QList<ServiceRecord>& services);
    // Puts a changed (or new) service in its row, by id.
    void upsert(const ServiceRecord& service);
    const ServiceRecord* serviceAt(int row) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ServiceRecord> services_;
};

}  // namespace tessera::reviewer

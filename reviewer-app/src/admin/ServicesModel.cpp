#include "admin/ServicesModel.h"

namespace tessera::reviewer {

void ServicesModel::setServices(const QList<ServiceRecord>& services) {
    beginResetModel();
    services_ = services;
    endResetModel();
}

void ServicesModel::upsert(const ServiceRecord& service) {
    const int row = rowOf(service.id);
    if (row < 0) {
        beginInsertRows({}, services_.size(), services_.size());
        services_.append(service);
        endInsertRows();
        return;
    }
    services_[row] = service;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const ServiceRecord* ServicesModel::serviceAt(int row) const {
    return row >= 0 && row < services_.size() ? &services_[row] : nullptr;
}

int ServicesModel::rowOf(const QString& id) const {
    for (int i = 0; i < services_.size(); ++i)
        if (services_[i].id == id) return i;
    return -1;
}

int ServicesModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(services_.size()); }

int ServicesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ServicesModel::data(const QModelIndex& index, int role) const {
    const ServiceRecord* s = serviceAt(index.row());
    if (!s || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
    switch (index.column()) {
        case Name: return s->name;
        case ClientId: return s->clientId;
        case RedirectUris: return s->redirectUris.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", "));
        case State: return s->disabled ? tr("Disabled") : tr("Active");
        default: return {};
    }
}

QVariant ServicesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name: return tr("Name");
        case ClientId: return tr("Client id");
        case RedirectUris: return tr("Redirect URIs");
        case State: return tr("State");
        default: return {};
    }
}

}  // namespace tessera::reviewer

#include "training/model_export.h"

#include <kensa/base/atomic_file.h>
#include <kensa/model/model_bundle.h>

#include <QFile>

#include <exception>
#include <span>

namespace kensa::ui {

QString exportModel(const QString& source, const QString& destination) {
    try {
        model::load_bundle(source.toStdString());  // throws, naming the file, when it is not usable
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly))
            return QStringLiteral("%1: %2").arg(source, in.errorString());
        const QByteArray bytes = in.readAll();
        if (in.error() != QFileDevice::NoError)
            return QStringLiteral("%1: %2").arg(source, in.errorString());
        write_file_atomically(destination.toStdString(),
                              std::as_bytes(std::span(bytes.constData(), size_t(bytes.size()))));
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

}  // namespace kensa::ui

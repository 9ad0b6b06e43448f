#include "synthetic/generator_catalog.h"

namespace kensa::ui {

std::shared_ptr<const GeneratorCatalog> defaultGeneratorCatalog() {
    // Wire core's generator registry here when it lands (an adapter class implementing GeneratorCatalog).
    return std::make_shared<EmptyGeneratorCatalog>();
}

}  // namespace kensa::ui

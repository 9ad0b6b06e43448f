// Names derived from a user's file name stay within the 255 bytes Linux allows in one name.
#include <kensa/base/file_name_limit.h>
#include <kensa/base/utf8.h>

#include <gtest/gtest.h>

#include <string>

namespace {

using kensa::name_within_limit;

TEST(FileNameLimit, ANameThatFitsIsTheStemAndSuffix) {
    EXPECT_EQ(name_within_limit("000", ".tiff"), "000.tiff");
    const std::string at_limit(250, 'x');
    EXPECT_EQ(name_within_limit(at_limit, ".tiff"), at_limit + ".tiff");  // 255 bytes: legal
}

TEST(FileNameLimit, ALongerNameIsAPrefixAndAHashOfTheWholeStem) {
    const std::string stem(300, 'x');
    const auto name = name_within_limit(stem, ".overlay.png");
    EXPECT_EQ(name.size(), 255u);
    EXPECT_TRUE(name.ends_with("~e78ddf9f1ba85555.overlay.png"))
        << name;  // FNV-1a: the same on every machine
    EXPECT_TRUE(name.starts_with(std::string(200, 'x')));
    EXPECT_EQ(name_within_limit(stem, ".overlay.png"), name);        // rewrites land on one file
    EXPECT_NE(name_within_limit(stem + "y", ".overlay.png"), name);  // a shared prefix is not enough
    EXPECT_NE(name_within_limit(stem, ".tiff"), name);
}

TEST(FileNameLimit, AShortenedNameIsCutBetweenCharacters) {
    std::string stem;
    for (int i = 0; i < 130; ++i)
        stem += "\xc3\xa9";  // é: two bytes each
    const auto name = name_within_limit(stem, "_mask.png");
    EXPECT_LE(name.size(), 255u);
    EXPECT_EQ(kensa::valid_utf8(name), name) << "a character was cut in half";
}

}  // namespace

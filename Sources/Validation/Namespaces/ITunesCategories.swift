/// Apple Podcasts' category list: the categories and subcategories Apple accepts today ("Apple Podcasts
/// categories", 2019 revision) and the ones it accepted before (the 2005–2019 list), which it maps to new
/// ones and which the W3C service reports as obsolete.
enum ITunesCategories {
    /// Current categories, each with its subcategories.
    static let current: [String: Set<String>] = [
        "Arts": ["Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"],
        "Business": ["Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"],
        "Comedy": ["Comedy Interviews", "Improv", "Stand-Up"],
        "Education": ["Courses", "How To", "Language Learning", "Self-Improvement"],
        "Fiction": ["Comedy Fiction", "Drama", "Science Fiction"],
        "Government": [],
        "History": [],
        "Health & Fitness": ["Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"],
        "Kids & Family": ["Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"],
        "Leisure": ["Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden", "Video Games"],
        "Music": ["Music Commentary", "Music History", "Music Interviews"],
        "News": ["Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News", "Tech News"],
        "Religion & Spirituality": ["Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Spirituality"],
        "Science": [
            "Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature",
            "Physics", "Social Sciences",
        ],
        "Society & Culture": ["Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"],
        "Sports": [
            "Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running", "Soccer",
            "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling",
        ],
        "Technology": [],
        "True Crime": [],
        "TV & Film": ["After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"],
    ]

    /// Retired categories, each with its retired subcategories.
    static let retired: [String: Set<String>] = [
        "Arts": ["Literature"],
        "Arts & Entertainment": [
            "Architecture", "Design", "Entertainment", "Games", "Performing Arts", "Photography", "Poetry",
            "Science Fiction",
        ],
        "Audio Blogs": [],
        "Business": ["Careers", "Finance", "Investing", "Management & Marketing", "News", "Shopping"],
        "Comedy": [],
        "Education": ["Education Technology", "Higher Education", "K-12", "Language Courses", "Training"],
        "Family": [],
        "Food": [],
        "Games & Hobbies": ["Automotive", "Aviation", "Hobbies", "Other Games", "Video Games"],
        "Government & Organizations": ["Local", "National", "Non-Profit", "Regional"],
        "Health": [
            "Alternative Health", "Diet & Nutrition", "Fitness", "Fitness & Nutrition", "Relationships", "Self-Help",
            "Sexuality",
        ],
        "International": [
            "Australian", "Belgian", "Brazilian", "Canadian", "Chinese", "Dutch", "French", "German", "Hebrew",
            "Italian", "Japanese", "Norwegian", "Polish", "Portuguese", "Spanish", "Swedish",
        ],
        "Movies & Television": [],
        "News & Politics": [],
        "Politics": [],
        "Public Radio": [],
        "Religion & Spirituality": ["Buddhism", "Christianity", "Islam", "Judaism", "New Age", "Philosophy", "Other", "Spirituality"],
        "Science & Medicine": ["Medicine", "Natural Sciences", "Social Sciences"],
        "Society & Culture": ["History"],
        "Sports & Recreation": ["Amateur", "College & High School", "Outdoor", "Professional"],
        "Talk Radio": [],
        "Technology": [
            "Computers", "Developers", "Gadgets", "Information Technology", "News", "Operating Systems", "Podcasting",
            "Smart Phones", "Software How-To", "Tech News", "Text/Speech",
        ],
        "Transportation": ["Automotive", "Aviation", "Bicycles", "Commuting"],
        "Travel": [],
    ]
}

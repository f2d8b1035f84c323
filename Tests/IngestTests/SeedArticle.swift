/// The seed article from the project's brief, `shared/seed/russian-pilot-defects.txt`, byte for byte.
///
/// Kept as a Swift literal because the test target declares no resources.
enum SeedArticle {
    static let text = #"""
        “Russian pilot defects and calls for desertion: the war in Ukraine takes a dramatic turn”

        Article about the war in Ukraine: a Russian pilot’s call to desert the army

        The situation in Ukraine continues to make headlines, and this time it was a rather surprising event that caught the eye: a Russian pilot reportedly defected and called on his compatriots to desert the army. The images of this man, identified as Maxim Kuzminov, were broadcast on Ukrainian television, in a video where he recounts the details of his escape.

        According to available information, Maxim Kuzminov managed to escape by crossing the Ukrainian border in an Mi-8 attack helicopter. Two crew members were killed during the landing, while the pilot managed to escape. In the video, he explains his decision by denouncing Russia’s methods and saying that he did not want to participate in a “genocide” in Ukraine. He also encourages Russian soldiers to desert and promises a new life in Ukraine, with employment and security.

        It is important to point out that the authenticity of this video has not yet been independently confirmed, but the details provided and the coordination with Ukrainian intelligence seem to suggest that this is a real event. However, it should be borne in mind that this video could also be used as a propaganda tool in the information war between Ukraine and Russia.

        This case is not isolated, as Ukraine has made numerous efforts to encourage Russian soldiers to defect. In April 2022, the Ukrainian parliament passed a law offering financial rewards to people supplying Russian military equipment, with the aim of demoralizing Russian troops. In addition to the financial aspect, the law also guarantees a safe reception, assistance in obtaining new identity documents and the possibility of moving to another country.

        At the same time, Ukraine has set up an “I want to live” hotline for Russian and Belarusian soldiers who are considering deserting. This line, available 24 hours a day and accessible by telephone and instant messaging, offers various options to deserters, such as prisoner exchanges with Russia, detention in Ukraine or emigration to other countries.

        It is impossible to determine precisely the number of Russian soldiers who have defected since the start of the conflict, but according to some estimates, more than 6,500 Russian soldiers contacted the “I want to live” hotline between September and March.

        This situation underlines the persistent tensions in the region and Ukraine’s desire to demoralize Russian troops. It also raises questions about the motivations of Russian soldiers and their perception of events in Ukraine. In any case, this spectacular defection of a Russian pilot is talking about her and fanning the flames of the media war between the two countries a little more.

        Leave a Reply

        Your email address will not be published. Required fields are marked *
        """#
}

# Crier's adapter for Perl's XML::Feed (over XML::RSS and XML::Atom): reads one feed file and prints what it saw
# as one JSON object (see scripts/readers/read.py for the shape).
use strict;
use warnings;
use JSON::PP;
use XML::Feed;
$XML::Atom::ForceUnicode = 1;    # characters, not octets, from the Atom side too

sub utc {
    my $date = shift or return undef;
    my $copy = $date->clone;
    $copy->set_time_zone('UTC');
    return $copy->strftime('%Y-%m-%dT%H:%M:%SZ');
}

my %view = (ok => JSON::PP::false, error => '', entries => []);
my $feed = eval { XML::Feed->parse($ARGV[0]) };
if ($feed) {
    $view{ok} = JSON::PP::true;
    $view{title} = $feed->title;
    for my $entry ($feed->entries) {
        push @{ $view{entries} }, { id => $entry->id, title => $entry->title, link => $entry->link,
            published => utc(eval { $entry->issued }), updated => utc(eval { $entry->modified }) };
    }
} else {
    ($view{error} = ($@ || XML::Feed->errstr || 'not parsed')) =~ s/\s*\n.*//s;
}
print JSON::PP->new->utf8->canonical->encode(\%view), "\n";
